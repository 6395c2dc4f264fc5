import { connect, createServer, type Server, type Socket } from "node:net";

/**
 * A TCP proxy in front of PostgreSQL that a test can cut: `refuse` drops every open connection and
 * resets new ones (server down), `blackhole` keeps sockets open but passes nothing (network gone),
 * `forward` passes traffic again (the database is back).
 */
export class TcpProxy {
  private server?: Server;
  private readonly pairs = new Set<[Socket, Socket | undefined]>();
  mode: "forward" | "refuse" | "blackhole" = "forward";
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<number> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const address = this.server.address();
    this.port = typeof address === "object" && address ? address.port : 0;
    return this.port;
  }

  private accept(client: Socket) {
    client.on("error", () => {});
    if (this.mode === "refuse") {
      client.resetAndDestroy();
      return;
    }
    const pair: [Socket, Socket | undefined] = [client, undefined];
    this.pairs.add(pair);
    client.once("close", () => {
      pair[1]?.destroy();
      this.pairs.delete(pair);
    });
    if (this.mode === "blackhole") return; // accepted, never answered
    const upstream = connect(this.targetPort, this.targetHost);
    pair[1] = upstream;
    upstream.on("error", () => client.destroy());
    upstream.once("close", () => client.destroy());
    client.on("data", (chunk) => {
      if (this.mode === "forward") upstream.write(chunk);
    });
    upstream.on("data", (chunk) => {
      if (this.mode === "forward") client.write(chunk);
    });
  }

  /** The database goes away: open connections are reset, new ones refused. */
  refuse() {
    this.mode = "refuse";
    for (const [client, upstream] of this.pairs) {
      client.resetAndDestroy();
      upstream?.destroy();
    }
  }

  /** The network goes silent: nothing passes in either direction, nothing is closed. */
  blackhole() {
    this.mode = "blackhole";
  }

  /** The database is back for new connections. Blackholed ones are dropped, as a real peer would time out. */
  restore() {
    if (this.mode === "blackhole") {
      for (const [client, upstream] of this.pairs) {
        client.destroy();
        upstream?.destroy();
      }
    }
    this.mode = "forward";
  }

  async stop() {
    this.refuse();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
