import { Client } from 'pg';
import { ResilientClient } from './typeorm-database.module';

describe('ResilientClient', () => {
  it('survives connection errors that arrive after every other listener is gone', () => {
    const terminated = new Error('terminating connection due to administrator command');
    // A plain client throws on an unhandled `error` event: the process would end.
    expect(() => new Client().emit('error', terminated)).toThrow(/administrator command/);
    const client = new ResilientClient();
    const seen: unknown[] = [];
    const listener = (error: unknown): void => {
      seen.push(error);
    };
    client.on('error', listener);
    client.emit('error', terminated);
    client.removeListener('error', listener);
    expect(() =>
      client.emit('error', new Error('Connection terminated unexpectedly')),
    ).not.toThrow();
    expect(seen).toEqual([terminated]);
  });
});
