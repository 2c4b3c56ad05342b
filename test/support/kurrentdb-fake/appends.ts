/**
 * Streams.Append and Streams.BatchAppend of the FAKE KurrentDB server, with the fault hooks
 * that make appends fail the way a cluster's do.
 */
import * as grpc from '@grpc/grpc-js';
import type { AppendFault } from './faults.js';
import type { AppendDecision, Expected, ProposedEvent } from './log.js';
import {
  anyPb,
  emptyPb,
  shared,
  status,
  streamIdentifier,
  streamName,
  streams,
  uuidText,
} from './protocol.js';
import { type FakeServerContext, recordCall } from './server.js';

type AppendReq = InstanceType<typeof streams.AppendReq>;
type AppendResp = InstanceType<typeof streams.AppendResp>;
type BatchReq = InstanceType<typeof streams.BatchAppendReq>;
type BatchResp = InstanceType<typeof streams.BatchAppendResp>;
type Proposed =
  | InstanceType<typeof streams.AppendReq.ProposedMessage>
  | InstanceType<typeof streams.BatchAppendReq.ProposedMessage>;

/** google.rpc.Code values the server puts in a BatchAppend error's Status. */
const CODE = { FAILED_PRECONDITION: 9, INVALID_ARGUMENT: 3, UNAVAILABLE: 14 } as const;

function proposed(message: Proposed): ProposedEvent {
  const map = message.getMetadataMap();
  return {
    id: uuidText(message.getId()),
    type: map.get('type') ?? '',
    contentType: map.get('content-type') ?? 'application/octet-stream',
    data: message.getData_asU8(),
    metadata: message.getCustomMetadata_asU8(),
  };
}

const size = (events: ProposedEvent[]) =>
  events.reduce((n, e) => n + e.data.length + e.metadata.length, 0);

/** The error KurrentDB answers on a follower: exception `not-leader` and where the leader is. */
export function notLeader(ctx: FakeServerContext): grpc.ServiceError {
  const metadata = new grpc.Metadata();
  metadata.set('exception', 'not-leader');
  metadata.set('leader-endpoint-host', ctx.address.host);
  metadata.set('leader-endpoint-port', String(ctx.address.port));
  return Object.assign(new Error('Leader info available'), {
    code: grpc.status.NOT_FOUND,
    details: 'Leader info available',
    metadata,
  });
}

const unavailable = (): grpc.ServiceError =>
  Object.assign(new Error('Server Is Not Ready'), {
    code: grpc.status.UNAVAILABLE,
    details: 'Server Is Not Ready',
    metadata: new grpc.Metadata(),
  });

function maxSizeError(ctx: FakeServerContext): grpc.ServiceError {
  const metadata = new grpc.Metadata();
  metadata.set('exception', 'maximum-append-size-exceeded');
  metadata.set('maximum-append-size', String(ctx.maxAppendSize));
  return Object.assign(new Error('Maximum Append Size Exceeded'), {
    code: grpc.status.INVALID_ARGUMENT,
    details: `Maximum Append Size of ${ctx.maxAppendSize} Exceeded.`,
    metadata,
  });
}

function nextFault(ctx: FakeServerContext): AppendFault | undefined {
  return ctx.faults.appends.shift();
}

/** The unary Append: a client stream of one options message and the proposed events. */
export function append(
  ctx: FakeServerContext,
  call: grpc.ServerReadableStream<AppendReq, AppendResp>,
  callback: grpc.sendUnaryData<AppendResp>,
) {
  recordCall(ctx, 'Append', call);
  let options: InstanceType<typeof streams.AppendReq.Options> | undefined;
  const events: ProposedEvent[] = [];
  call.on('data', (req: AppendReq) => {
    if (req.hasOptions()) options = req.getOptions();
    else if (req.hasProposedMessage()) {
      const message = req.getProposedMessage();
      if (message) events.push(proposed(message));
    }
  });
  call.on('end', () => {
    const fault = nextFault(ctx);
    if (fault === 'hang' || fault === 'end-batch-stream') return;
    if (fault === 'not-leader') return callback(notLeader(ctx));
    if (fault === 'unavailable') return callback(unavailable());
    if (size(events) > ctx.maxAppendSize) return callback(maxSizeError(ctx));
    const name = streamName(options?.getStreamIdentifier());
    const expected = expectedOfAppend(options);
    const decision = ctx.log.append(name, expected, events);
    if (fault === 'unavailable-after-write') return callback(unavailable());
    callback(null, appendResponse(decision, expected));
  });
}

function expectedOfAppend(
  options: InstanceType<typeof streams.AppendReq.Options> | undefined,
): Expected {
  if (options?.hasRevision()) return BigInt(options.getRevision());
  if (options?.hasNoStream()) return 'no_stream';
  if (options?.hasStreamExists()) return 'stream_exists';
  return 'any';
}

function appendResponse(decision: AppendDecision, expected: Expected): AppendResp {
  const response = new streams.AppendResp();
  if (decision.kind === 'written' || decision.kind === 'idempotent') {
    const last = decision.kind === 'written' ? decision.records.at(-1) : undefined;
    const revision = decision.kind === 'written' ? (last?.revision ?? 0n) : decision.lastRevision;
    const position = decision.kind === 'written' ? (last?.position ?? 0n) : decision.position;
    const at = new streams.AppendResp.Position()
      .setCommitPosition(position.toString())
      .setPreparePosition(position.toString());
    return response.setSuccess(
      new streams.AppendResp.Success().setCurrentRevision(revision.toString()).setPosition(at),
    );
  }
  const wrong = new streams.AppendResp.WrongExpectedVersion();
  if (decision.current === undefined) wrong.setCurrentNoStream(new shared.Empty());
  else wrong.setCurrentRevision(decision.current.toString());
  if (typeof expected === 'bigint') wrong.setExpectedRevision(expected.toString());
  else if (expected === 'no_stream') wrong.setExpectedNoStream(new shared.Empty());
  else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new shared.Empty());
  else wrong.setExpectedAny(new shared.Empty());
  return response.setWrongExpectedVersion(wrong);
}

interface PendingBatch {
  options: InstanceType<typeof streams.BatchAppendReq.Options> | undefined;
  events: ProposedEvent[];
}

/**
 * BatchAppend: one long-lived duplex stream per client carrying many appends, each identified
 * by its correlation id. An append may span several requests (`is_final` on the last; options
 * on the first). Each gets one response with the same correlation id: success (revision and
 * position) or an error Status whose details name the cause (WrongExpectedVersion,
 * MaximumAppendSizeExceeded), as the server's BatchAppend does. A fault that breaks the
 * stream itself fails every append pending on it; that is what the client sees from a real one.
 */
export function batchAppend(
  ctx: FakeServerContext,
  call: grpc.ServerDuplexStream<BatchReq, BatchResp>,
) {
  recordCall(ctx, 'BatchAppend', call);
  const pending = new Map<string, PendingBatch>();
  let ended = false;
  call.on('data', (req: BatchReq) => {
    if (ended) return;
    const id = uuidText(req.getCorrelationId());
    let batch = pending.get(id);
    if (!batch) {
      batch = { options: req.getOptions(), events: [] };
      pending.set(id, batch);
    }
    for (const message of req.getProposedMessagesList()) batch.events.push(proposed(message));
    if (!req.getIsFinal()) return;
    pending.delete(id);
    const fault = nextFault(ctx);
    if (fault === 'hang') return;
    if (fault === 'end-batch-stream') {
      ended = true;
      call.end();
      return;
    }
    if (fault === 'not-leader' || fault === 'unavailable') {
      ended = true;
      call.emit('error', fault === 'not-leader' ? notLeader(ctx) : unavailable());
      return;
    }
    const name = streamName(batch.options?.getStreamIdentifier());
    const response = new streams.BatchAppendResp()
      .setCorrelationId(req.getCorrelationId())
      .setStreamIdentifier(streamIdentifier(name));
    const expected = expectedOfBatch(batch.options);
    if (typeof expected === 'bigint') response.setStreamPosition(expected.toString());
    else if (expected === 'no_stream') response.setNoStream(new emptyPb.Empty());
    else if (expected === 'stream_exists') response.setStreamExists(new emptyPb.Empty());
    else response.setAny(new emptyPb.Empty());
    if (size(batch.events) > ctx.maxAppendSize) {
      const details = new shared.MaximumAppendSizeExceeded().setMaxappendsize(ctx.maxAppendSize);
      call.write(
        response.setError(
          errorStatus(
            CODE.INVALID_ARGUMENT,
            'Maximum Append Size Exceeded',
            details,
            'MaximumAppendSizeExceeded',
          ),
        ),
      );
      return;
    }
    const decision = ctx.log.append(name, expected, batch.events);
    if (fault === 'unavailable-after-write') {
      ended = true;
      call.emit('error', unavailable());
      return;
    }
    if (decision.kind === 'written' || decision.kind === 'idempotent') {
      const last = decision.kind === 'written' ? decision.records.at(-1) : undefined;
      const revision = decision.kind === 'written' ? (last?.revision ?? 0n) : decision.lastRevision;
      const position = decision.kind === 'written' ? (last?.position ?? 0n) : decision.position;
      const at = new shared.AllStreamPosition()
        .setCommitPosition(position.toString())
        .setPreparePosition(position.toString());
      call.write(
        response.setSuccess(
          new streams.BatchAppendResp.Success()
            .setCurrentRevision(revision.toString())
            .setPosition(at),
        ),
      );
      return;
    }
    const wrong = new shared.WrongExpectedVersion();
    if (decision.current === undefined) wrong.setCurrentNoStream(new emptyPb.Empty());
    else wrong.setCurrentStreamRevision(decision.current.toString());
    if (typeof expected === 'bigint') wrong.setExpectedStreamPosition(expected.toString());
    else if (expected === 'no_stream') wrong.setExpectedNoStream(new emptyPb.Empty());
    else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new emptyPb.Empty());
    else wrong.setExpectedAny(new emptyPb.Empty());
    call.write(
      response.setError(
        errorStatus(
          CODE.FAILED_PRECONDITION,
          'Wrong expected version',
          wrong,
          'WrongExpectedVersion',
        ),
      ),
    );
  });
  call.on('end', () => {
    if (!ended) call.end();
  });
}

function expectedOfBatch(
  options: InstanceType<typeof streams.BatchAppendReq.Options> | undefined,
): Expected {
  if (options?.hasStreamPosition()) return BigInt(options.getStreamPosition());
  if (options?.hasNoStream()) return 'no_stream';
  if (options?.hasStreamExists()) return 'stream_exists';
  return 'any';
}

function errorStatus(
  code: number,
  message: string,
  details: { serializeBinary(): Uint8Array },
  type: string,
) {
  const any = new anyPb.Any();
  any.pack(details.serializeBinary(), `event_store.client.${type}`);
  return new status.Status().setCode(code).setMessage(message).setDetails(any);
}
