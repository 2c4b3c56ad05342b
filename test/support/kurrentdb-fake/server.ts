/**
 * A FAKE KurrentDB server: a gRPC server (grpc-js) speaking KurrentDB's v1 protocol from the
 * service definitions the official client ships. It is a test double of a server we cannot run
 * on these machines, not KurrentDB: it implements only what replika's adapter uses (Streams
 * Read / Append / BatchAppend, ServerFeatures), one node, no TLS, no authentication, and it
 * follows the real server where the comments say so, as we read its sources. What it proves and
 * what only a real cluster can: docs/operations.md, "KurrentDB".
 */
import * as grpc from '@grpc/grpc-js';
import { append, batchAppend } from './appends.js';
import { type Faults, newFaults } from './faults.js';
import { FakeLog } from './log.js';
import { features, featuresService, streamsService } from './protocol.js';
import { read } from './reads.js';

export interface CallRecord {
  method: 'Read' | 'Append' | 'BatchAppend' | 'GetSupportedMethods';
  requiresLeader: boolean;
  /** Whether the client set a deadline on the call (grpc-timeout). */
  deadline: boolean;
  /** Subscription, stream read or $all read (Read only). */
  kind?: 'subscription' | 'stream' | 'all';
  /** The stream read (stream reads only). */
  stream?: string;
}

export interface FakeServerContext {
  log: FakeLog;
  faults: Faults;
  calls: CallRecord[];
  /** host:port this node listens on (NotLeader answers point here: the "leader" is itself). */
  address: { host: string; port: number };
  /** Largest append in bytes of data + metadata; the server's default is 1 MiB. */
  maxAppendSize: number;
}

export interface FakeKurrentDb extends FakeServerContext {
  /** Connection string for the official client. */
  url: string;
  /** Stops accepting calls and cancels the open ones. */
  stop(): Promise<void>;
  /** Cuts every open call (subscriptions, BatchAppend streams) as a crashed node would. */
  dropConnections(): void;
}

export interface FakeOptions {
  /** First log position; above 2^53 proves positions stay exact end to end. */
  firstPosition?: bigint;
  maxAppendSize?: number;
  /** Leave BatchAppend out of ServerFeatures, so the client uses the unary Append. */
  withoutBatchAppend?: boolean;
  port?: number;
}

export function recordCall(
  ctx: FakeServerContext,
  method: CallRecord['method'],
  call: { metadata: grpc.Metadata; getDeadline(): grpc.Deadline },
  kind?: CallRecord['kind'],
): CallRecord {
  const deadline = call.getDeadline();
  const record: CallRecord = {
    method,
    requiresLeader: String(call.metadata.get('requires-leader')[0] ?? '') === 'true',
    deadline: deadline instanceof Date ? true : Number.isFinite(deadline),
    ...(kind ? { kind } : {}),
  };
  ctx.calls.push(record);
  return record;
}

export async function startFakeKurrentDb(options: FakeOptions = {}): Promise<FakeKurrentDb> {
  const server = new grpc.Server({ 'grpc.max_receive_message_length': 16 * 1024 * 1024 });
  widenFlowControl(server);
  const ctx: FakeServerContext = {
    log: new FakeLog(options.firstPosition ?? 0n),
    faults: newFaults(),
    calls: [],
    address: { host: '127.0.0.1', port: 0 },
    maxAppendSize: options.maxAppendSize ?? 1024 * 1024,
  };
  /** Open streaming calls: cutting them is how a crashed or restarted node looks to clients. */
  const open = new Set<NodeJS.EventEmitter>();
  const track = <T extends NodeJS.EventEmitter>(call: T): T => {
    const c: NodeJS.EventEmitter = call;
    open.add(c);
    const done = () => open.delete(c);
    c.on('finish', done);
    c.on('close', done);
    c.on('cancelled', done);
    return call;
  };
  const cut = () => {
    for (const call of open)
      call.emit('error', { code: grpc.status.UNAVAILABLE, details: 'fake: connection cut' });
    open.clear();
  };
  server.addService(streamsService, {
    read: (call: Parameters<typeof read>[1]) => read(ctx, track(call)),
    append: (call: Parameters<typeof append>[1], callback: Parameters<typeof append>[2]) =>
      append(ctx, call, callback),
    batchAppend: (call: Parameters<typeof batchAppend>[1]) => batchAppend(ctx, track(call)),
    delete: unimplemented,
    tombstone: unimplemented,
  } as unknown as grpc.UntypedServiceImplementation);
  server.addService(featuresService, {
    getSupportedMethods: (
      call: grpc.ServerUnaryCall<unknown, unknown>,
      callback: grpc.sendUnaryData<unknown>,
    ) => {
      recordCall(ctx, 'GetSupportedMethods', call);
      callback(null, supportedMethods(!options.withoutBatchAppend));
    },
  } as unknown as grpc.UntypedServiceImplementation);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(
      `127.0.0.1:${options.port ?? 0}`,
      grpc.ServerCredentials.createInsecure(),
      (error, bound) => (error ? reject(error) : resolve(bound)),
    ),
  );
  ctx.address = { host: '127.0.0.1', port };
  return {
    ...ctx,
    url: `kurrentdb://127.0.0.1:${port}?tls=false`,
    dropConnections: cut,
    stop: () =>
      new Promise<void>((resolve) => {
        cut();
        server.tryShutdown(() => resolve());
        setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, 2000).unref();
      }),
  };
}

/**
 * HTTP/2 flow-control windows as KurrentDB's web server (Kestrel) sets them by default (768 KiB
 * per stream, 1 MiB per connection) rather than the protocol's 64 KiB: with 64 KiB the one
 * BatchAppend stream a client uses would throttle every append. grpc-js has no public option for
 * a server's windows, so this sets the settings it hands to Node's http2 server.
 */
function widenFlowControl(server: grpc.Server) {
  const internals = server as unknown as { commonServerOptions?: { settings?: object } };
  if (!internals.commonServerOptions) return;
  internals.commonServerOptions.settings = {
    ...internals.commonServerOptions.settings,
    initialWindowSize: 768 * 1024,
  };
}

function unimplemented(_call: unknown, callback?: grpc.sendUnaryData<unknown>) {
  callback?.({ code: grpc.status.UNIMPLEMENTED, details: 'not implemented by the fake server' });
}

/**
 * What ServerFeatures.GetSupportedMethods answers. The client uses BatchAppend for every append
 * once the server lists it (as KurrentDB 21.10+ do); the version string is the server's.
 */
function supportedMethods(withBatchAppend: boolean) {
  const method = (name: string, featureList: string[] = []) =>
    new features.SupportedMethod()
      .setServiceName('event_store.client.streams.Streams')
      .setMethodName(name)
      .setFeaturesList(featureList);
  const methods = [method('Read', ['position', 'events']), method('Append')];
  if (withBatchAppend) methods.push(method('BatchAppend', ['deadline_duration']));
  return new features.SupportedMethods()
    .setEventStoreServerVersion('24.10.0-fake')
    .setMethodsList(methods);
}
