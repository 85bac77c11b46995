import type { ComplaintSubmittedData } from '@salur/contracts';

export interface RouteSubmissionCommand {
  readonly submission: ComplaintSubmittedData;
}
