/**
 * The words of the contract (DESIGN.md, "Complaint lifecycle", "Agencies and regions", "SLA"), each
 * as a const array to validate against and a union type to program against.
 */

/** `complaint` (pengaduan), `aspiration` (aspirasi), `information_request` (permintaan informasi, PPID). */
export const COMPLAINT_TYPES = ['complaint', 'aspiration', 'information_request'] as const;
export type ComplaintType = (typeof COMPLAINT_TYPES)[number];

/**
 * `public`; `anonymous`: the reporter's identity is hidden from everyone but the verifier;
 * `confidential`: the content is hidden from the public and only the assigned agency sees it.
 * A verifier may raise privacy, never lower it (see {@link PRIVACY_RANK}).
 */
export const PRIVACIES = ['public', 'anonymous', 'confidential'] as const;
export type Privacy = (typeof PRIVACIES)[number];

/** Order of privacy levels, lowest first: a verifier may only move a complaint up this list. */
export const PRIVACY_RANK: Readonly<Record<Privacy, number>> = {
  public: 0,
  anonymous: 1,
  confidential: 2,
};

/** Complaint statuses and the LAPOR! label each corresponds to (DESIGN.md, "Complaint lifecycle"). */
export const COMPLAINT_STATUSES = [
  'pending_verification',
  'rejected',
  'awaiting_follow_up',
  'in_progress',
  'responded',
  'closed',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const AGENCY_LEVELS = ['national', 'province', 'regency'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

/** Where a submission came in ("no wrong door"). `open311` is any GeoReport v2 client. */
export const CHANNELS = [
  'web',
  'mobile',
  'sms',
  'whatsapp',
  'email',
  'social',
  'open311',
  'walk_in',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** The reporter's language, for what Salur sends back to them. */
export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** SLA clock stages (DESIGN.md, "SLA"). */
export const SLA_STAGES = ['verification', 'follow_up', 'resolution', 'auto_close'] as const;
export type SlaStage = (typeof SLA_STAGES)[number];

/** Why a verifier rejected (archived, "diarsipkan") a submission. */
export const REJECTION_REASONS = [
  /** The same matter is already being followed up under another complaint. */
  'duplicate',
  /** Too little information to act on, and the reporter did not supply more. */
  'incomplete',
  /** Not a complaint, aspiration or information request about a public service. */
  'out_of_scope',
  /** Insults, hate speech (SARA), threats. */
  'abusive',
  'spam',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** Why routing placed a complaint with an agency. */
export const ROUTING_REASONS = [
  /** A routing rule matched (the event names it). */
  'rule',
  /** No rule matched; the government of the location's regency/city took it. */
  'region_default',
  /** Nothing could place it; national triage (`lapor-pusat`) took it. */
  'national_triage',
  /** The verifier chose the agency, or honoured the reporter's target agency. */
  'verifier',
] as const;
export type RoutingReason = (typeof ROUTING_REASONS)[number];

/** Who moved an escalation: the agency itself, or an SLA breach of its follow-up deadline. */
export const ESCALATION_TRIGGERS = ['agency', 'sla'] as const;
export type EscalationTrigger = (typeof ESCALATION_TRIGGERS)[number];

/** Who closed a complaint: the reporter confirming, the auto-close deadline, or a verifier. */
export const CLOSED_BY = ['reporter', 'auto_close', 'verifier'] as const;
export type ClosedBy = (typeof CLOSED_BY)[number];

/**
 * Roles of the people and processes that act on complaints. The first five are the JWT roles
 * (DESIGN.md, "HTTP"); `system` is Salur itself (an SLA-triggered escalation, say).
 */
export const ACTOR_ROLES = [
  'verifier',
  'agency_operator',
  'agency_supervisor',
  'oncall',
  'admin',
  'system',
] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/** Channels the notification service delivers through. */
export const NOTIFICATION_CHANNELS = ['email', 'sms', 'webhook', 'page'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const RECIPIENT_KINDS = ['reporter', 'agency', 'oncall'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** The services that produce events, each the sole producer of its topic. */
export const PRODUCERS = ['intake', 'routing', 'sla', 'notification'] as const;
export type Producer = (typeof PRODUCERS)[number];
