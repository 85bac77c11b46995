import type { SlaClock } from '../../domain/sla-clock';
import type { ClockReader } from '../ports';

/** Every clock a complaint has had, oldest first. */
export class ListClocks {
  constructor(private readonly clocks: ClockReader) {}

  execute(complaintId: string): Promise<SlaClock[]> {
    return this.clocks.forComplaint(complaintId);
  }
}
