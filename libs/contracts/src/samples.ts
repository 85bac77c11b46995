import { EventCatalogue, type EventDataMap } from './catalogue';
import type { EventEnvelope } from './envelope';
import { EVENT_TYPE_LIST, EventTypes, isEventType, type EventType } from './event-types';
import { envelopeAttributesOf } from './events';
import type { ComplaintSnapshot } from './payloads/complaints.payloads';

/**
 * Realistic example events, one per type, for tests, fixtures and the AsyncAPI document (whose
 * examples must equal these; a test checks). They follow a few complaints in Kota Balikpapan
 * (64.71, WITA = UTC+08:00; instants in UTC):
 *
 * - A: a pothole on Jl. Jenderal Sudirman, Klandasan Ulu (64.71.06.1003), by WhatsApp; routed to
 *   the city government (pemda-64.71), which asks for details, responds, and is rated by the
 *   reporter. The reopened events are the other branch: the reporter is not satisfied.
 * - B: a blocked drain flooding Jl. Marsma R. Iswahyudi, Sepinggan (64.71.05.1002), anonymous; the city
 *   misses its 5-working-day follow-up deadline (18 April 2025 is a holiday) and the SLA escalates
 *   it to the province (pemda-64).
 * - C: an extra levy at a state senior high school, confidential (so `body` is null on the topic);
 *   the city forwards it to the province, whose authority SMA are (UU 23/2014).
 * - D: a request for the 2025 road maintenance budget documents (information_request) to the
 *   city's PPID, which asks the reporter which roads they mean, hears back, and extends its
 *   10-working-day follow-up period once.
 * - E: an SMS duplicate of A, rejected.
 */

const A = {
  complaintId: '0b6f8e1a-3c2d-4f5e-9a7b-1c2d3e4f5a6b',
  trackingId: 'SLR-7K3M9Q',
  title: 'Jalan berlubang di Jl. Jenderal Sudirman, Klandasan Ulu',
  body:
    'Ada lubang besar di lajur kiri Jl. Jenderal Sudirman arah Sepinggan, Klandasan Ulu, sudah ' +
    'dua minggu tidak diperbaiki. Dua pengendara motor sudah jatuh saat hujan malam hari. Mohon ' +
    'segera ditambal dan dipasang rambu peringatan.',
  submittedAt: '2025-03-10T01:15:42.120Z',
  verifiedAt: '2025-03-10T03:02:10.512Z',
  routedAt: '2025-03-10T03:02:10.530Z',
  acknowledgedAt: '2025-03-10T06:20:31.004Z',
  infoRequestedAt: '2025-03-10T07:05:12.377Z',
  repliedAt: '2025-03-11T02:40:05.918Z',
  respondedAt: '2025-03-12T06:30:44.250Z',
  reopenedAt: '2025-03-13T23:45:10.102Z',
  confirmedAt: '2025-03-14T01:02:11.603Z',
  closedAt: '2025-03-14T01:02:12.015Z',
  followUpClockId: '3f6a9c12-5b7d-4e8f-9a1b-2c3d4e5f6a7b',
  autoCloseClockId: 'd5e6f7a8-b9c0-4d1e-af2b-3c4d5e6f7a8b',
} as const;

const B = {
  complaintId: '5e9c1d27-8f4a-4b3e-a612-7d8e9f0a1b2c',
  trackingId: 'SLR-2W8N4F',
  submittedAt: '2025-04-15T00:41:27.090Z',
  verifiedAt: '2025-04-15T01:29:58.300Z',
  routedAt: '2025-04-15T01:30:00.412Z',
  warnedAt: '2025-04-22T01:30:00.412Z',
  dueAt: '2025-04-23T01:30:00.412Z',
  escalatedAt: '2025-04-23T01:30:02.871Z',
  followUpClockId: '8b2e4f6a-9c1d-4a3b-8e5f-6a7b8c9d0e1f',
} as const;

const D = {
  complaintId: 'c2d4e6f8-1a3b-4c5d-8e7f-9a0b1c2d3e4f',
  trackingId: 'SLR-4H6J8L',
  submittedAt: '2025-06-02T02:11:05.330Z',
  verifiedAt: '2025-06-02T03:40:12.118Z',
  repliedAt: '2025-06-04T01:25:47.602Z',
  extendedAt: '2025-06-12T06:05:31.940Z',
} as const;

const CITY_OPERATOR = {
  role: 'agency_operator',
  id: '7d4e2f10-8b3a-4c61-9e25-3f0a1b2c4d5e',
  agency: 'pemda-64.71',
} as const;
const VERIFIER = { role: 'verifier', id: 'c9a0b1d2-e3f4-4a5b-8c6d-7e8f9a0b1c2d' } as const;

const PHOTO = {
  url: 'https://files.salur.example/attachments/0b6f8e1a-3c2d-4f5e-9a7b-1c2d3e4f5a6b/1.jpg',
  contentType: 'image/jpeg',
  size: 284_512,
  sha256: '9f2c4e1a7b3d5f608192a4b6c8d0e2f4a6b8c0d2e4f6a8b0c2d4e6f8a0b2c4d6',
} as const;

function snapshotA(changes: Partial<ComplaintSnapshot>): ComplaintSnapshot {
  return {
    complaintId: A.complaintId,
    trackingId: A.trackingId,
    status: 'awaiting_follow_up',
    agency: 'pemda-64.71',
    agencyLevel: 'regency',
    regionCode: '64.71.06.1003',
    category: 'infrastruktur',
    type: 'complaint',
    privacy: 'public',
    channel: 'whatsapp',
    title: A.title,
    body: A.body,
    submittedAt: A.submittedAt,
    updatedAt: A.routedAt,
    verifiedAt: A.verifiedAt,
    respondedAt: null,
    closedAt: null,
    version: 3,
    previousAgencies: [],
    ...changes,
  };
}

function snapshotD(changes: Partial<ComplaintSnapshot>): ComplaintSnapshot {
  return {
    complaintId: D.complaintId,
    trackingId: D.trackingId,
    status: 'in_progress',
    agency: 'pemda-64.71',
    agencyLevel: 'regency',
    regionCode: '64.71',
    category: 'infrastruktur',
    type: 'information_request',
    privacy: 'public',
    channel: 'web',
    title: 'Permohonan salinan RKA pemeliharaan jalan Kota Balikpapan tahun 2025',
    body:
      'Saya memohon salinan Rencana Kerja dan Anggaran (RKA) DPUPR Kota Balikpapan tahun 2025 ' +
      'untuk kegiatan pemeliharaan jalan kota, beserta daftar ruas jalan yang dianggarkan.',
    submittedAt: D.submittedAt,
    updatedAt: D.repliedAt,
    verifiedAt: D.verifiedAt,
    respondedAt: null,
    closedAt: null,
    version: 6,
    previousAgencies: [],
    ...changes,
  };
}

function snapshotB(changes: Partial<ComplaintSnapshot>): ComplaintSnapshot {
  return {
    complaintId: B.complaintId,
    trackingId: B.trackingId,
    status: 'awaiting_follow_up',
    agency: 'pemda-64.71',
    agencyLevel: 'regency',
    regionCode: '64.71.05.1002',
    category: 'infrastruktur',
    type: 'complaint',
    privacy: 'anonymous',
    channel: 'web',
    title: 'Saluran drainase tersumbat, Jl. Marsma R. Iswahyudi banjir setiap hujan',
    body:
      'Saluran drainase di sisi Jl. Marsma R. Iswahyudi dekat simpang Sepinggan tersumbat sampah ' +
      'dan endapan lumpur. Setiap hujan deras air meluap ke jalan setinggi betis dan masuk ke ' +
      'rumah warga. Mohon saluran segera dikeruk.',
    submittedAt: B.submittedAt,
    updatedAt: B.routedAt,
    verifiedAt: B.verifiedAt,
    respondedAt: null,
    closedAt: null,
    version: 3,
    previousAgencies: [],
    ...changes,
  };
}

const followUpClockA = {
  clockId: A.followUpClockId,
  complaintId: A.complaintId,
  stage: 'follow_up',
  agency: 'pemda-64.71',
  agencyLevel: 'regency',
  regionCode: '64.71.06.1003',
  policyVersion: 3,
  startedAt: A.routedAt,
  dueAt: '2025-03-17T03:02:10.530Z',
} as const;

const followUpClockB = {
  clockId: B.followUpClockId,
  complaintId: B.complaintId,
  stage: 'follow_up',
  agency: 'pemda-64.71',
  agencyLevel: 'regency',
  regionCode: '64.71.05.1002',
  policyVersion: 3,
  startedAt: B.routedAt,
  dueAt: B.dueAt,
} as const;

interface Sample<T extends EventType> {
  readonly data: EventDataMap[T];
  /** The envelope's `time`: when the producer emitted it. */
  readonly time: string;
}

const samples: { readonly [T in EventType]: Sample<T> } = {
  [EventTypes.ComplaintSubmitted]: {
    time: A.submittedAt,
    data: {
      complaintId: A.complaintId,
      trackingId: A.trackingId,
      type: 'complaint',
      channel: 'whatsapp',
      title: A.title,
      body: A.body,
      category: 'infrastruktur',
      occurredAt: '2025-02-24',
      location: {
        regionCode: '64.71.06.1003',
        address: 'Jl. Jenderal Sudirman, Klandasan Ulu, Balikpapan Kota',
        lat: -1.2769,
        lon: 116.8321,
      },
      privacy: 'public',
      language: 'id',
      reporter: { name: 'Rina Wulandari', phone: '+6281254710093' },
      attachments: [PHOTO],
      submittedAt: A.submittedAt,
    },
  },
  [EventTypes.ReporterReplied]: {
    time: A.repliedAt,
    data: {
      complaintId: A.complaintId,
      message:
        'Lubangnya tepat di depan toko bangunan, kira-kira satu meter lebarnya. Foto dari arah ' +
        'seberang terlampir.',
      attachments: [
        {
          url: 'https://files.salur.example/attachments/0b6f8e1a-3c2d-4f5e-9a7b-1c2d3e4f5a6b/2.jpg',
          contentType: 'image/jpeg',
          size: 301_877,
          sha256: '1d3f5b7a9c0e2a4c6e8f0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a',
        },
      ],
      repliedAt: A.repliedAt,
    },
  },
  [EventTypes.ReporterConfirmed]: {
    time: A.confirmedAt,
    data: {
      complaintId: A.complaintId,
      rating: 4,
      comment: 'Sudah ditambal, terima kasih. Semoga marka jalannya juga dicat ulang.',
      confirmedAt: A.confirmedAt,
    },
  },
  [EventTypes.ReporterReopened]: {
    time: A.reopenedAt,
    data: {
      complaintId: A.complaintId,
      reason: 'Tambalan sudah berlubang lagi setelah hujan deras semalam.',
      reopenedAt: A.reopenedAt,
    },
  },
  [EventTypes.ComplaintVerified]: {
    time: A.verifiedAt,
    data: {
      complaint: snapshotA({
        status: 'pending_verification',
        agency: null,
        agencyLevel: null,
        updatedAt: A.verifiedAt,
        version: 2,
      }),
      by: VERIFIER,
      category: 'infrastruktur',
      type: 'complaint',
      privacy: 'public',
    },
  },
  [EventTypes.ComplaintRejected]: {
    time: '2025-03-10T06:12:09.115Z',
    data: {
      complaint: {
        complaintId: 'f2c8b4a6-1d3e-4a5b-b7c9-8e0f1a2b3c4d',
        trackingId: 'SLR-4H8P2D',
        status: 'rejected',
        agency: null,
        agencyLevel: null,
        regionCode: '64.71.06',
        category: null,
        type: 'complaint',
        privacy: 'public',
        channel: 'sms',
        title: 'Jalan rusak Sudirman Klandasan',
        body: 'Jalan di Sudirman dekat Klandasan berlubang, bahaya buat motor. Tolong diperbaiki.',
        submittedAt: '2025-03-10T05:47:20.664Z',
        updatedAt: '2025-03-10T06:12:09.115Z',
        verifiedAt: null,
        respondedAt: null,
        closedAt: null,
        version: 2,
        previousAgencies: [],
      },
      reason: 'duplicate',
      note: 'Laporan yang sama sedang ditindaklanjuti dengan nomor pelacakan SLR-7K3M9Q.',
      by: VERIFIER,
    },
  },
  [EventTypes.ComplaintRouted]: {
    time: A.routedAt,
    data: {
      complaint: snapshotA({}),
      agency: 'pemda-64.71',
      reason: 'region_default',
    },
  },
  [EventTypes.ComplaintAcknowledged]: {
    time: A.acknowledgedAt,
    data: {
      complaint: snapshotA({ status: 'in_progress', updatedAt: A.acknowledgedAt, version: 4 }),
      by: CITY_OPERATOR,
    },
  },
  [EventTypes.ComplaintInfoRequested]: {
    time: A.infoRequestedAt,
    data: {
      complaint: snapshotA({ status: 'in_progress', updatedAt: A.infoRequestedAt, version: 5 }),
      question:
        'Mohon kirimkan patokan terdekat atau titik lokasi yang lebih tepat, dan foto lubang dari ' +
        'arah berlawanan.',
      by: CITY_OPERATOR,
    },
  },
  [EventTypes.ComplaintResponded]: {
    time: A.respondedAt,
    data: {
      complaint: snapshotA({
        status: 'responded',
        updatedAt: A.respondedAt,
        respondedAt: A.respondedAt,
        version: 6,
      }),
      response:
        'Lubang telah ditambal oleh UPT Pemeliharaan Jalan DPUPR Kota Balikpapan pada 12 Maret 2025 ' +
        'dan rambu sementara telah dipasang. Terima kasih atas laporannya.',
      attachments: [
        {
          url: 'https://files.salur.example/attachments/0b6f8e1a-3c2d-4f5e-9a7b-1c2d3e4f5a6b/3.jpg',
          contentType: 'image/jpeg',
          size: 412_090,
          sha256: 'a7c9e1b3d5f7091b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b',
        },
      ],
      by: CITY_OPERATOR,
    },
  },
  [EventTypes.ComplaintForwarded]: {
    time: '2025-05-06T03:15:27.880Z',
    data: {
      complaint: {
        complaintId: 'a4d7e2b9-6c15-4e83-8f27-3b9c0d1e2f34',
        trackingId: 'SLR-9P5T3H',
        status: 'awaiting_follow_up',
        agency: 'pemda-64',
        agencyLevel: 'province',
        regionCode: '64.71.04',
        category: 'pendidikan',
        type: 'complaint',
        privacy: 'confidential',
        channel: 'web',
        title: 'Pungutan di luar ketentuan pada penerimaan siswa baru SMA negeri',
        body: null,
        submittedAt: '2025-05-05T02:10:33.517Z',
        updatedAt: '2025-05-06T03:15:27.880Z',
        verifiedAt: '2025-05-05T03:58:41.206Z',
        respondedAt: null,
        closedAt: null,
        version: 4,
        previousAgencies: ['pemda-64.71'],
      },
      fromAgency: 'pemda-64.71',
      toAgency: 'pemda-64',
      reason:
        'Pengelolaan SMA negeri merupakan kewenangan pemerintah provinsi (UU 23/2014); diteruskan ' +
        'ke Pemerintah Provinsi Kalimantan Timur.',
      by: CITY_OPERATOR,
    },
  },
  [EventTypes.ComplaintEscalated]: {
    time: B.escalatedAt,
    data: {
      complaint: snapshotB({
        agency: 'pemda-64',
        agencyLevel: 'province',
        updatedAt: B.escalatedAt,
        version: 4,
        previousAgencies: ['pemda-64.71'],
      }),
      fromAgency: 'pemda-64.71',
      toAgency: 'pemda-64',
      trigger: 'sla',
      reason: 'Batas waktu tindak lanjut 5 hari kerja terlampaui tanpa tanggapan.',
      clockId: B.followUpClockId,
      by: { role: 'system', id: 'sla' },
    },
  },
  [EventTypes.ComplaintClosed]: {
    time: A.closedAt,
    data: {
      complaint: snapshotA({
        status: 'closed',
        updatedAt: A.closedAt,
        respondedAt: A.respondedAt,
        closedAt: A.closedAt,
        version: 7,
      }),
      closedBy: 'reporter',
      rating: 4,
      comment: 'Sudah ditambal, terima kasih. Semoga marka jalannya juga dicat ulang.',
    },
  },
  [EventTypes.ComplaintReopened]: {
    time: A.reopenedAt,
    data: {
      complaint: snapshotA({
        status: 'in_progress',
        updatedAt: A.reopenedAt,
        respondedAt: A.respondedAt,
        version: 7,
      }),
      reason: 'Tambalan sudah berlubang lagi setelah hujan deras semalam.',
    },
  },
  [EventTypes.SlaStarted]: {
    time: '2025-03-10T03:02:10.861Z',
    data: { ...followUpClockA },
  },
  [EventTypes.SlaPaused]: {
    time: '2025-03-10T07:05:12.590Z',
    data: { ...followUpClockA, pausedAt: A.infoRequestedAt },
  },
  [EventTypes.SlaResumed]: {
    time: '2025-03-11T02:40:06.204Z',
    // Paused for 3h34m53.918s of working time (Mon 15:05–16:00, Tue 08:00–10:40 WITA).
    data: { ...followUpClockA, dueAt: '2025-03-17T06:37:04.448Z', resumedAt: A.repliedAt },
  },
  [EventTypes.SlaWarning]: {
    time: '2025-04-22T01:30:01.077Z',
    data: {
      ...followUpClockB,
      late: false,
      threshold: 0.8,
      reachedAt: B.warnedAt,
      remaining: 'PT8H',
    },
  },
  [EventTypes.SlaBreached]: {
    time: '2025-04-23T01:30:01.153Z',
    data: { ...followUpClockB, late: false, breachedAt: B.dueAt },
  },
  [EventTypes.SlaMet]: {
    time: '2025-03-12T06:30:44.702Z',
    data: {
      ...followUpClockA,
      dueAt: '2025-03-17T06:37:04.448Z',
      metAt: A.respondedAt,
      withinSla: true,
    },
  },
  [EventTypes.SlaEscalationRequested]: {
    time: '2025-04-23T01:30:01.160Z',
    data: {
      ...followUpClockB,
      late: false,
      fromAgency: 'pemda-64.71',
      breachedAt: B.dueAt,
      reason: 'follow_up deadline of 5 working days passed without a response',
    },
  },
  [EventTypes.SlaAutoCloseDue]: {
    // Fired 47 minutes late: the sla service was being redeployed when the deadline passed.
    time: '2025-03-26T07:17:52.338Z',
    data: {
      clockId: A.autoCloseClockId,
      complaintId: A.complaintId,
      stage: 'auto_close',
      agency: 'pemda-64.71',
      agencyLevel: 'regency',
      regionCode: '64.71.06.1003',
      policyVersion: 3,
      startedAt: A.respondedAt,
      dueAt: '2025-03-26T06:30:44.250Z',
      late: true,
    },
  },
  [EventTypes.ComplaintInfoReceived]: {
    time: D.repliedAt,
    data: {
      complaint: snapshotD({}),
      repliedAt: D.repliedAt,
    },
  },
  [EventTypes.ComplaintExtensionGranted]: {
    time: D.extendedAt,
    data: {
      complaint: snapshotD({ updatedAt: D.extendedAt, version: 7 }),
      reason:
        'Dokumen RKA tersebar di tiga bidang DPUPR dan sebagian perlu dipisahkan dari informasi ' +
        'yang dikecualikan; PPID memperpanjang waktu pemberian informasi 7 hari kerja.',
      by: CITY_OPERATOR,
    },
  },
  [EventTypes.NotificationDelivered]: {
    time: '2025-03-10T03:02:11.204Z',
    data: {
      deliveryId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
      complaintId: A.complaintId,
      sourceEventId: '6c5b4a39-2817-4f6e-9d5c-4b3a29180716',
      sourceEventType: EventTypes.ComplaintRouted,
      channel: 'webhook',
      recipientKind: 'agency',
      recipientAgency: 'pemda-64.71',
      target: 'https://webhooks.pemda-6471.example/***',
      attempts: 1,
      deliveredAt: '2025-03-10T03:02:11.204Z',
    },
  },
  [EventTypes.NotificationFailed]: {
    time: '2025-03-12T07:12:03.551Z',
    data: {
      deliveryId: 'e1f2a3b4-c5d6-4e7f-9a0b-1c2d3e4f5a6c',
      complaintId: A.complaintId,
      sourceEventId: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d',
      sourceEventType: EventTypes.ComplaintResponded,
      channel: 'sms',
      recipientKind: 'reporter',
      target: '+62*******0093',
      attempts: 5,
      failedAt: '2025-03-12T07:12:03.551Z',
      lastError: 'SMS gateway answered 503 Service Unavailable on every try',
    },
  },
};

/** A valid, realistic `data` for an event type; a fresh copy on every call. */
export function sampleEventData<T extends EventType>(type: T): EventDataMap[T] {
  if (!isEventType(type)) throw new RangeError(`unknown event type: ${JSON.stringify(type)}`);
  return structuredClone(samples[type].data);
}

/** The W3C trace context example, valid and recognisable. */
const SAMPLE_TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

/**
 * A complete sample event: {@link sampleEventData} in an envelope whose attributes agree with it
 * (subject, agency, region) and with the catalogue (source `/salur/<producer>`). The id is fixed
 * per type; pass `id` (or any other attribute) to override.
 */
export function sampleEvent<T extends EventType>(
  type: T,
  overrides: Partial<Omit<EventEnvelope<EventDataMap[T], T>, 'type'>> = {},
): EventEnvelope<EventDataMap[T], T> {
  const data = sampleEventData(type);
  const index = EVENT_TYPE_LIST.indexOf(type);
  return {
    specversion: '1.0',
    id: `7b1e0c52-4a3d-4c8e-9f10-${String(index + 1).padStart(12, '0')}`,
    source: `/salur/${EventCatalogue[type].producer}`,
    type,
    time: samples[type].time,
    datacontenttype: 'application/json',
    ...envelopeAttributesOf(type, data),
    traceparent: SAMPLE_TRACEPARENT,
    data,
    ...overrides,
  };
}
