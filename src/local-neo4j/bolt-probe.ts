import net from 'node:net';

/** What listens on a TCP port: a Bolt server, something else, or nothing. */
export type PortState = 'bolt' | 'other' | 'closed';

const BOLT_MAGIC = [0x60, 0x60, 0xb0, 0x17];
// Four proposals, newest first: 5.8 down to 5.0, 4.4 down to 4.2, 4.1, 3.0.
const BOLT_PROPOSALS = [
  [0x00, 0x08, 0x08, 0x05],
  [0x00, 0x02, 0x04, 0x04],
  [0x00, 0x00, 0x01, 0x04],
  [0x00, 0x00, 0x00, 0x03],
];
const HANDSHAKE = Buffer.from([...BOLT_MAGIC, ...BOLT_PROPOSALS.flat()]);

/**
 * A Bolt server answers with the chosen version as 00 00 minor major. Anything else that talks
 * back (an HTTP server's "HTTP/1.1 400", say) fails the leading zero bytes.
 */
function isBoltVersionReply(reply: Buffer): boolean {
  return reply[0] === 0 && reply[1] === 0 && reply[3] !== 0;
}

export function probePort(host: string, port: number, timeoutMs = 2_000): Promise<PortState> {
  return new Promise((resolve) => {
    const socket = net.createConnection({ host, port });
    let connected = false;
    let received = Buffer.alloc(0);
    const finish = (state: PortState): void => {
      socket.destroy();
      resolve(state);
    };
    socket.setTimeout(timeoutMs, () => finish(connected ? 'other' : 'closed'));
    socket.on('connect', () => {
      connected = true;
      socket.write(HANDSHAKE);
    });
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length >= 4) finish(isBoltVersionReply(received) ? 'bolt' : 'other');
    });
    socket.on('end', () => finish(connected ? 'other' : 'closed'));
    socket.on('error', () => finish(connected ? 'other' : 'closed'));
  });
}

/** True when a Bolt server (any Neo4j) completes the handshake on host:port. */
export async function isBoltAnswering(host: string, port: number, timeoutMs?: number): Promise<boolean> {
  return (await probePort(host, port, timeoutMs)) === 'bolt';
}
