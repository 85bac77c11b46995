import { createServer } from 'node:net';
import { freePorts, isPortFree, preferredPort } from './ports';

describe('ports', () => {
  it('hands out distinct free ports', async () => {
    const ports = await freePorts(5);
    expect(new Set(ports).size).toBe(5);
    for (const port of ports) expect(await isPortFree(port)).toBe(true);
  });

  it('sees a port in use on 127.0.0.1, and prefers another one then', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => {
      server.listen(0, '127.0.0.1', resolve);
    });
    const address = server.address();
    const taken = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      expect(await isPortFree(taken)).toBe(false);
      const other = await preferredPort(taken);
      expect(other).not.toBe(taken);
      expect(await isPortFree(other)).toBe(true);
    } finally {
      server.close();
    }
  });

  it('keeps the preferred port when it is free and not excluded', async () => {
    const [port] = await freePorts(1);
    expect(await preferredPort(port)).toBe(port);
    expect(await preferredPort(port, [port])).not.toBe(port);
  });
});
