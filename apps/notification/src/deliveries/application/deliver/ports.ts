import type { Delivery } from '../../domain/delivery';

/** How one try went. `target` is masked for its channel, as delivery events carry it. */
export interface SendResult {
  readonly ok: boolean;
  readonly target: string;
  readonly statusCode?: number;
  readonly error?: string;
  /** Trying again cannot help (a refused target, a 4xx, a deleted subscription). */
  readonly permanent?: boolean;
}

export interface DeliverySender {
  send(delivery: Delivery): Promise<SendResult>;
}

/** Per-endpoint circuit breakers. */
export interface EndpointGuard {
  isOpen(endpoint: string): boolean;
  /** Runs a try unless the endpoint's circuit is open; failures count against the circuit. */
  execute(endpoint: string, attempt: () => Promise<SendResult>): Promise<SendResult | 'open'>;
  /** How long an open circuit waits before letting one try through. */
  readonly halfOpenAfterMs: number;
}

export interface ClaimRequest {
  readonly now: Date;
  readonly leaseMs: number;
  /** Endpoints not to claim for (open circuits). */
  readonly excludeEndpoints: readonly string[];
  /** How many due deliveries to look at. */
  readonly lookAhead: number;
  /** Chooses, from the due candidates in due order, those to lease now. */
  readonly pick: (candidates: readonly Delivery[]) => Delivery[];
}

export interface DeliveryQueue {
  /** Leases due deliveries (FOR UPDATE SKIP LOCKED), counting the try; returns them as leased. */
  claim(request: ClaimRequest): Promise<Delivery[]>;
}

export interface DeliveryOutcomes {
  delivered(delivery: Delivery, result: SendResult, at: Date): Promise<void>;
  retry(delivery: Delivery, result: SendResult, nextAttemptAt: Date): Promise<void>;
  failed(delivery: Delivery, result: SendResult, at: Date): Promise<void>;
  /** Puts a leased delivery back without counting its try (its endpoint's circuit is open). */
  postpone(delivery: Delivery, nextAttemptAt: Date): Promise<void>;
}
