/**
 * A TCP proxy a test controls, between the platform and PostgreSQL: up (forwards), down (every
 * open connection reset, new ones refused) or stalled (connections stay open, nothing passes) —
 * the network faults of a real deployment, in a few seconds.
 */
import net from 'node:net';

export type ProxyMode = 'up' | 'down' | 'stalled';

export class TcpProxy {
  private mode: ProxyMode = 'up';
  private readonly pairs = new Set<{ client: net.Socket; server: net.Socket }>();

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    let proxy!: TcpProxy;
    const server = net.createServer((client) => proxy.accept(client, target));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = new TcpProxy(server, (server.address() as net.AddressInfo).port);
    return proxy;
  }

  /** The database URL with its host and port replaced by the proxy's. */
  static via(databaseUrl: string, proxy: TcpProxy): string {
    const url = new URL(databaseUrl);
    url.host = `127.0.0.1:${proxy.port}`;
    return url.toString();
  }

  private accept(client: net.Socket, target: { host: string; port: number }): void {
    client.on('error', () => {});
    if (this.mode === 'down') return void client.destroy();
    const server = net.connect(target.port, target.host);
    server.on('error', () => client.destroy());
    const pair = { client, server };
    this.pairs.add(pair);
    const forget = () => {
      this.pairs.delete(pair);
      client.destroy();
      server.destroy();
    };
    client.on('close', forget);
    server.on('close', forget);
    client.pipe(server);
    server.pipe(client);
    if (this.mode === 'stalled') this.pause(pair, true);
  }

  /** Resets every open connection and refuses new ones until `up()`. */
  down(): void {
    this.mode = 'down';
    for (const p of [...this.pairs]) {
      p.client.resetAndDestroy();
      p.server.destroy();
    }
  }

  /** Keeps connections open but lets nothing through, in either direction (new ones hang too), until `up()`; then what waited passes. */
  stall(): void {
    this.mode = 'stalled';
    for (const p of this.pairs) this.pause(p, true);
  }

  up(): void {
    this.mode = 'up';
    for (const p of this.pairs) this.pause(p, false);
  }

  private pause(p: { client: net.Socket; server: net.Socket }, paused: boolean): void {
    for (const s of [p.client, p.server]) {
      if (paused) s.pause();
      else s.resume();
    }
  }

  /** Connections open through the proxy now. */
  get connections(): number {
    return this.pairs.size;
  }

  async close(): Promise<void> {
    this.down();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
