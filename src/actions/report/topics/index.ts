/**
 * The report's topics, in the order they are read: what needs attention first, the headline,
 * what changed since the last report, then the detail. Adding a topic is one function here and
 * its strings in i18n; no renderer changes.
 */
import type { ReportContext } from "../context";
import type { Topic } from "../topic";
import { attentionTopic } from "./attention";
import { changesTopic } from "./changes";
import { contactsTopic, tiersTopic } from "./clients";
import { discountsTopic } from "./discounts";
import { headlineTopic } from "./headline";
import { industriesTopic, lostReasonsTopic, sourcesTopic } from "./market";
import { contractsTopic, receivablesTopic } from "./money";
import { ownersTopic, trendTopic } from "./performance";
import { partnersTopic } from "./partners";
import { pipelineTopic } from "./pipeline";
import { funnelTopic, staleDealsTopic } from "./funnel";
import { casesTopic, competitorsTopic, lossReasonsTopic } from "./winLoss";

/** A topic of the report; null when the workbook has nothing for it (an optional sheet is missing). */
export type TopicFunction = (ctx: ReportContext) => Topic | null;

export const REPORT_TOPICS: readonly TopicFunction[] = [
  attentionTopic,
  headlineTopic,
  changesTopic,
  ownersTopic,
  trendTopic,
  pipelineTopic,
  staleDealsTopic,
  discountsTopic,
  contractsTopic,
  receivablesTopic,
  tiersTopic,
  contactsTopic,
  sourcesTopic,
  funnelTopic,
  industriesTopic,
  lostReasonsTopic,
  competitorsTopic,
  lossReasonsTopic,
  casesTopic,
  partnersTopic,
];

/** The topics of a report (a test may pass its own list). */
export function reportTopics(ctx: ReportContext, topics: readonly TopicFunction[] = REPORT_TOPICS): Topic[] {
  const out: Topic[] = [];
  for (const topic of topics) {
    const made = topic(ctx);
    if (made !== null) out.push(made);
  }
  return out;
}
