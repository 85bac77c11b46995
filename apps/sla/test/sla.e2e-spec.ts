import { EventTypes } from '@salur/contracts';
import { waitFor } from '@salur/testing';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { snapshot } from './support/sla-fixtures';
import { SlaService } from './support/sla-service';

const ARTIFACTS = join(__dirname, '..', '..', '..', '.cache', 'test-artifacts');

/**
 * The built SLA service as a process over real Kafka and Postgres, with the test playing routing
 * on \`salur.complaints.v1\`: calendars and the admin API, a follow-up clock shortened to seconds
 * whose warning, breach and escalation request reach \`salur.sla.v1\` once each, the on-call board
 * in headless Chromium showing the breach as it happens, and a restart that fires what fell due
 * while the service was down, late, once.
 */
describe('sla service', () => {
  let sla: SlaService;
  const cleanups: (() => Promise<void>)[] = [];
  let browser: BrowserContext | undefined;
  let profile: string | undefined;

  beforeAll(async () => {
    sla = await SlaService.start({ SLA_SCHEDULER_POLL_MS: '100', SLA_LATE_AFTER_MS: '2000' });
    cleanups.push(() => sla.stop());
  });

  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    for (const cleanup of cleanups) await cleanup();
  });

  async function call(path: string, roles: string[], init: RequestInit = {}): Promise<Response> {
    const token = await sla.token({ roles });
    return fetch(sla.url(path), {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
    });
  }

  it('answers deadlines in an agency business time, refusing a malformed duration', async () => {
    const due = await call(
      '/v1/sla/calendars/pemda-64.71/due?from=2026-11-02T02:00:00Z&duration=P5D',
      ['agency_operator'],
    );
    expect(due.status).toBe(200);
    expect(await due.json()).toMatchObject({
      timeZone: 'Asia/Makassar',
      dueAt: '2026-11-09T08:00:00.000Z',
    });
    const bad = await call(
      '/v1/sla/calendars/pemda-64.71/due?from=2026-11-02T02:00:00Z&duration=P4H',
      ['agency_operator'],
    );
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(((await bad.json()) as { detail: string }).detail).toContain('"H" is a time unit');
    const unknown = await call(
      '/v1/sla/calendars/pemda-99.99/due?from=2026-11-02T02:00:00Z&duration=P1D',
      ['agency_operator'],
    );
    expect(unknown.status).toBe(404);
  });

  it('edits holidays and policies as admin only, with an audit trail', async () => {
    const holiday = {
      date: '2026-11-04',
      name: 'Hari Jadi Kota Balikpapan (uji)',
      kind: 'regional_holiday',
      regionCode: '64.71',
      source: 'Keputusan Wali Kota Balikpapan (uji)',
    };
    const refused = await call('/v1/sla/holidays', ['oncall'], {
      method: 'POST',
      body: JSON.stringify(holiday),
    });
    expect(refused.status).toBe(403);
    const added = await call('/v1/sla/holidays', ['admin'], {
      method: 'POST',
      body: JSON.stringify(holiday),
    });
    expect(added.status).toBe(201);
    // Balikpapan now skips Wednesday 4 November; Samarinda (64.72) does not.
    const balikpapan = await call(
      '/v1/sla/calendars/pemda-64.71/due?from=2026-11-02T02:00:00Z&duration=P5D',
      ['oncall'],
    );
    expect(((await balikpapan.json()) as { dueAt: string }).dueAt).toBe('2026-11-10T08:00:00.000Z');
    const samarinda = await call(
      '/v1/sla/calendars/pemda-64.72/due?from=2026-11-02T02:00:00Z&duration=P5D',
      ['oncall'],
    );
    expect(((await samarinda.json()) as { dueAt: string }).dueAt).toBe('2026-11-09T08:00:00.000Z');
    const removed = await call('/v1/sla/holidays/2026-11-04?regionCode=64.71', ['admin'], {
      method: 'DELETE',
    });
    expect(removed.status).toBe(204);

    // Bontang's government serves on Saturday mornings.
    const hours = [{ start: '08:00', end: '12:00' }];
    const week = await call('/v1/sla/calendars/pemda-64.74/working-week', ['admin'], {
      method: 'PUT',
      body: JSON.stringify({
        workingWeek: {
          monday: hours,
          tuesday: hours,
          wednesday: hours,
          thursday: hours,
          friday: hours,
          saturday: hours,
        },
      }),
    });
    expect(week.status).toBe(200);
    const bontang = await call('/v1/sla/calendars/pemda-64.74?year=2026', ['oncall']);
    expect(await bontang.json()).toMatchObject({
      timeZone: 'Asia/Makassar',
      workingWeek: { saturday: hours },
      provisional: false,
    });
    const saturday = await call(
      '/v1/sla/calendars/pemda-64.74/due?from=2026-11-06T02:00:00Z&duration=P1D',
      ['oncall'],
    );
    expect(((await saturday.json()) as { dueAt: string }).dueAt).toBe('2026-11-07T04:00:00.000Z');
    const noWork = await call('/v1/sla/calendars/pemda-64.74/working-week', ['admin'], {
      method: 'PUT',
      body: JSON.stringify({ workingWeek: {} }),
    });
    expect(noWork.status).toBe(400);

    const policy = await call('/v1/sla/policies', ['admin'], {
      method: 'POST',
      body: JSON.stringify({
        stage: 'follow_up',
        agency: 'pemda-64.71',
        duration: 'PT12S',
        calendar: '24x7',
        warnings: [0.5],
      }),
    });
    expect(policy.status).toBe(201);
    expect(await policy.json()).toMatchObject({ version: 1, duration: 'PT12S' });
    const badPolicy = await call('/v1/sla/policies', ['admin'], {
      method: 'POST',
      body: JSON.stringify({ stage: 'follow_up', duration: 'P1M', calendar: 'business' }),
    });
    expect(badPolicy.status).toBe(400);

    const audit = await call('/v1/sla/audit', ['admin']);
    const trail = (await audit.json()) as { action: string; actor: string }[];
    expect(trail.map((a) => a.action)).toEqual([
      'policy.changed',
      'working-week.changed',
      'holiday.removed',
      'holiday.added',
    ]);
    expect(trail[0].actor).toBe('e2e-officer');
  });

  it('fires warning, breach and escalation request once each, live on the board', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'salur-board-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      viewport: { width: 1280, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page = await browser.newPage();
    const token = await sla.token({ roles: ['oncall'] });
    await page.goto(sla.url(`/board#token=${token}`));
    await page.waitForSelector('#status.live', { timeout: 20_000 });
    const loadedAt = await page.evaluate(() => performance.timeOrigin);

    const complaint = snapshot();
    const { complaintId } = complaint;
    await sla.routed(complaint);
    const events = () => sla.slaEvents(complaintId, 'follow_up');
    await waitFor(() => events().some((e) => e.type === EventTypes.SlaEscalationRequested), {
      timeoutMs: 60_000,
      description: 'the escalation request',
    });
    // Delivered twice (a redelivery): no second clock, no second event.
    await sla.routed(complaint);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const clockId = String(events()[0].data.clockId);
    const ofClock = events().filter((e) => e.data.clockId === clockId);
    expect(ofClock.map((e) => e.type)).toEqual([
      'salur.sla.started.v1',
      'salur.sla.warning.v1',
      'salur.sla.breached.v1',
      'salur.sla.escalation-requested.v1',
    ]);
    expect(events()).toHaveLength(4);
    expect(ofClock[3].data).toMatchObject({
      fromAgency: 'pemda-64.71',
      late: false,
      stage: 'follow_up',
    });

    // The board shows the breach that happened after it loaded, without a reload.
    await page.waitForSelector(`#log [data-event="breach"][data-clock-id="${clockId}"]`, {
      timeout: 20_000,
    });
    await page.waitForSelector(`#breaches tr[data-clock-id="${clockId}"]`, { timeout: 10_000 });
    expect(await page.evaluate(() => performance.timeOrigin)).toBe(loadedAt);
    expect(await page.textContent('#provinces')).toContain('64: 1 breached');
    expect(await page.textContent('#breach-count')).toBe('1');
    const screenshot = join(ARTIFACTS, 'sla-board.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(statSync(screenshot).size).toBeGreaterThan(1_000);
    // Usable on a phone: the same board at 390 px wide.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(ARTIFACTS, 'sla-board-phone.png'), fullPage: true });

    const breaches = await call('/v1/sla/breaches?region=64.71&stage=follow_up&level=regency', [
      'oncall',
    ]);
    const listed = (await breaches.json()) as {
      items: { clockId: string; overdueMs: number }[];
      total: number;
      byProvince: Record<string, number>;
    };
    expect(listed).toMatchObject({ total: 1, byProvince: { '64': 1 } });
    expect(listed.items[0]).toMatchObject({ clockId, overdueMs: expect.any(Number) });
    const elsewhere = await call('/v1/sla/breaches?region=31', ['oncall']);
    expect(((await elsewhere.json()) as { total: number }).total).toBe(0);
    // An agency officer sees only their own agency's breaches.
    const other = await sla.token({ roles: ['agency_operator'], agency: 'pemda-31' });
    const theirs = await fetch(sla.url('/v1/sla/breaches'), {
      headers: { authorization: `Bearer ${other}` },
    });
    expect(((await theirs.json()) as { total: number }).total).toBe(0);
    const own = await sla.token({ roles: ['agency_supervisor'], agency: 'pemda-64' });
    const province = await fetch(sla.url('/v1/sla/breaches'), {
      headers: { authorization: `Bearer ${own}` },
    });
    expect(((await province.json()) as { total: number }).total).toBe(1);

    // The response meets the clock, late.
    await sla.publish(
      EventTypes.ComplaintResponded,
      { ...complaint, status: 'responded', version: 3, updatedAt: new Date().toISOString() },
      { response: 'Sudah diperbaiki', attachments: [], by: { role: 'agency_operator', id: 'u1' } },
    );
    await waitFor(() => events().some((e) => e.type === EventTypes.SlaMet), {
      timeoutMs: 20_000,
      description: 'the clock to be met',
    });
    expect(events().find((e) => e.type === EventTypes.SlaMet)?.data).toMatchObject({
      clockId,
      withinSla: false,
    });
  });

  it('fires what fell due while it was down after a restart, late and once', async () => {
    const policy = await call('/v1/sla/policies', ['admin'], {
      method: 'POST',
      body: JSON.stringify({
        stage: 'follow_up',
        agency: 'pemda-64.72',
        duration: 'PT3S',
        calendar: '24x7',
        warnings: [0.5],
      }),
    });
    expect(policy.status).toBe(201);
    const complaint = snapshot({ agency: 'pemda-64.72', regionCode: '64.72' });
    await sla.routed(complaint);
    await waitFor(
      () =>
        sla
          .slaEvents(complaint.complaintId, 'follow_up')
          .some((e) => e.type === EventTypes.SlaStarted),
      { timeoutMs: 20_000, description: 'the clock to start' },
    );
    await sla.process.stop();
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const restartedAt = Date.now();
    await sla.process.start();
    await waitFor(
      () =>
        sla
          .slaEvents(complaint.complaintId, 'follow_up')
          .some((e) => e.type === EventTypes.SlaEscalationRequested),
      { timeoutMs: 20_000, description: 'the missed breach' },
    );
    const resumedWithinMs = Date.now() - restartedAt;
    expect(resumedWithinMs).toBeLessThan(15_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const fired = sla
      .slaEvents(complaint.complaintId, 'follow_up')
      .filter((e) => e.type !== EventTypes.SlaStarted);
    expect(fired.map((e) => [e.type, e.data.late])).toEqual([
      ['salur.sla.warning.v1', true],
      ['salur.sla.breached.v1', true],
      ['salur.sla.escalation-requested.v1', true],
    ]);
  });
});
