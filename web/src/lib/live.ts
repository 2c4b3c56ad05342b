import { useEffect, useState } from 'preact/hooks';

const SUBSCRIPTION = `subscription WorkbenchLive($originCode: ID) {
  milestoneReported(originCode: $originCode) { position }
}`;

/** A server-sent event carrying a result (not a keep-alive comment, not `complete`). */
function isNotice(message: string): boolean {
  const data = message
    .split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).trim())
    .join('\n');
  if (!data) return false;
  try {
    return Boolean((JSON.parse(data) as { data?: unknown }).data);
  } catch {
    return false;
  }
}

/**
 * Counts the milestones reported for an origin's innovations while the page is open, from the
 * API's live feed (server-sent events over POST /graphql). A panel that passes the count as its
 * query's `refresh` redraws with every new report, no reload needed. If the feed breaks, it is
 * opened again after a pause that grows up to half a minute.
 */
export function useLiveReports(originCode: string | undefined): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!originCode) return;
    const controller = new AbortController();
    let pause = 1000;
    const listen = async () => {
      while (!controller.signal.aborted) {
        try {
          const response = await fetch('/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
            body: JSON.stringify({ query: SUBSCRIPTION, variables: { originCode } }),
            signal: controller.signal,
          });
          if (!response.body) throw new Error('no event stream');
          const reader = response.body.getReader();
          const decoder = new TextDecoder();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += decoder.decode(value, { stream: true });
            let end = buffer.indexOf('\n\n');
            while (end >= 0) {
              const message = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              if (isNotice(message)) setCount((n) => n + 1);
              end = buffer.indexOf('\n\n');
            }
            pause = 1000;
          }
        } catch {
          if (controller.signal.aborted) return;
        }
        await new Promise((resolve) => setTimeout(resolve, pause));
        pause = Math.min(30_000, pause * 2);
      }
    };
    void listen();
    return () => controller.abort();
  }, [originCode]);
  return count;
}
