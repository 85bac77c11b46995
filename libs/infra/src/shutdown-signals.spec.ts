import { handleShutdownSignals } from './shutdown-signals';

describe('handleShutdownSignals', () => {
  it('calls the first handler once, then the repeat handler, and can be removed', () => {
    const first = jest.fn();
    const repeat = jest.fn();
    const remove = handleShutdownSignals(first, repeat);
    try {
      process.emit('SIGTERM', 'SIGTERM');
      process.emit('SIGINT', 'SIGINT');
      expect(first.mock.calls).toEqual([['SIGTERM']]);
      expect(repeat.mock.calls).toEqual([['SIGINT']]);
    } finally {
      remove();
    }
    expect(process.listenerCount('SIGTERM')).toBe(0);
  });
});
