/**
 * The optional Team sheet (团队): who the owners are by name, and who manages whom. Owners are
 * e-mail addresses everywhere in the workbook; what a person reads shows their name: the Team
 * sheet's Name, else the part of the address before `@`. Read once per action.
 */
import type { WorkbookPort } from "../ports";
import type { DataIssue } from "./issues";
import { readTable, type ReadContext, type SheetMap } from "./read";
import type { TeamRow } from "./rows";

export interface Team {
  /** The name to show for an owner's address (a blank owner shows as empty text). */
  name(owner: string | null): string;
  /** The owners a manager manages (directly or through others), the manager included. */
  teamOf(manager: string): ReadonlySet<string>;
  /** The owner's manager on the Team sheet (lower-case), or null when none is given. */
  managerOf(owner: string | null): string | null;
  readonly rows: readonly TeamRow[];
}

/** The part of an address before `@`. */
export function addressName(owner: string): string {
  const at = owner.indexOf("@");
  return at > 0 ? owner.slice(0, at) : owner;
}

/** The team of some rows (tests and the readers share it). */
export function teamOf(rows: readonly TeamRow[]): Team {
  const names = new Map<string, string>();
  const reports = new Map<string, string[]>();
  const managers = new Map<string, string>();
  for (const row of rows) {
    if (row.name !== null) names.set(row.owner, row.name);
    if (row.manager !== null && row.manager !== row.owner) {
      managers.set(row.owner.toLowerCase(), row.manager.toLowerCase());
      const list = reports.get(row.manager) ?? [];
      list.push(row.owner);
      reports.set(row.manager, list);
    }
  }
  return {
    rows,
    name: (owner) => (owner === null ? "" : (names.get(owner.toLowerCase()) ?? addressName(owner))),
    managerOf: (owner) => (owner === null ? null : (managers.get(owner.toLowerCase()) ?? null)),
    teamOf: (manager) => {
      const found = new Set<string>([manager]);
      const queue = [manager];
      while (queue.length > 0) {
        for (const member of reports.get(queue.pop() as string) ?? []) {
          if (found.has(member)) continue;
          found.add(member);
          queue.push(member);
        }
      }
      return found;
    },
  };
}

/**
 * The managers named on the Team sheet (its Manager column), lower-case and sorted: those who
 * may decide what waits for a manager (tier proposals). A manager whose own row says Active no
 * is left out.
 */
export function teamManagers(team: Pick<Team, "rows">): string[] {
  const inactive = new Set(team.rows.filter((r) => r.active === "no").map((r) => r.owner.toLowerCase()));
  const managers = new Set<string>();
  for (const row of team.rows) {
    const manager = row.manager?.toLowerCase() ?? null;
    if (manager !== null && !inactive.has(manager)) managers.add(manager);
  }
  return [...managers].sort();
}

/** Reads the Team sheet (one read; none when the sheet is missing). */
export function readTeam(port: WorkbookPort, sheets: SheetMap, ctx: ReadContext, issues: DataIssue[]): Team {
  if (!sheets.has("team")) return teamOf([]);
  return teamOf(readTable(port, sheets, "team", ctx, issues).rows);
}
