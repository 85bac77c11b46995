import { EventTypes, sampleEventData, type ComplaintRespondedData } from '@salur/contracts';
import { kindOfEventType, timelineEntryOfComplaintEvent } from './timeline';

describe('timeline', () => {
  it('names entries by the event type', () => {
    expect(kindOfEventType('salur.complaint.info-requested.v1')).toBe('info-requested');
  });

  it("keeps an agency's response, its attachments and the snapshot's status and agency", () => {
    const data: ComplaintRespondedData = sampleEventData(EventTypes.ComplaintResponded);
    const entry = timelineEntryOfComplaintEvent({
      id: '7b0e3c1e-95b8-4b59-8f0a-2f9c1c4d6a11',
      type: EventTypes.ComplaintResponded,
      data,
    });
    expect(entry).toEqual({
      entryId: '7b0e3c1e-95b8-4b59-8f0a-2f9c1c4d6a11',
      complaintId: data.complaint.complaintId,
      kind: 'responded',
      at: new Date(data.complaint.updatedAt),
      status: data.complaint.status,
      agency: data.complaint.agency,
      detail: { response: data.response, attachments: data.attachments },
    });
  });

  it('shows nothing of an event but its listed fields', () => {
    const data = sampleEventData(EventTypes.ComplaintAcknowledged);
    const entry = timelineEntryOfComplaintEvent({
      id: 'e',
      type: EventTypes.ComplaintAcknowledged,
      data,
    });
    expect(entry.detail).toEqual({});
  });
});
