/**
 * Every test runs with the reader's guard on: a row throws when an action reads a column it
 * did not list in its fields, so the action tests prove those lists complete.
 */
import { guardUnreadFields } from "../src/workbook/read";

guardUnreadFields(true);
