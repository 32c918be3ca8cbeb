import { createServer, type AddressInfo } from 'node:net';
import { StartupError } from './startup-error';

export interface PortReservation {
  /** The port held: PORT itself, or the one the system chose for PORT=0. */
  port: number;
  release(): Promise<void>;
}

/**
 * Binds PORT as the API will (every interface) and holds it while the application starts, so that
 * a taken port stops the start before migrations run or a first admin key is printed. Release it
 * just before the API listens: the gap is one close and one bind.
 */
export function reservePort(port: number): Promise<PortReservation> {
  return new Promise((resolve, reject) => {
    // A client that connects meanwhile (a health probe polling the port) is turned away at once:
    // close() waits for open connections, and one left idle would hold the start forever.
    const holder = createServer((socket) => socket.destroy());
    holder.once('error', (error) => reject(portFailure(port, error)));
    holder.listen(port, () => {
      resolve({
        port: (holder.address() as AddressInfo).port,
        release: () => new Promise<void>((done) => holder.close(() => done())),
      });
    });
  });
}

/** Why PORT could not be bound, as one line naming the setting. */
export function portFailure(port: number, error: unknown): StartupError {
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  const why = code === 'EADDRINUSE' ? 'is already in use' : code === 'EACCES' ? 'needs privileges this process lacks' : 'cannot be bound';
  return new StartupError('PORT', `PORT ${port} ${why} (${code}): set PORT to a free port`);
}
