const TIMEOUT_MS = 10_000;

/** POSTs one run event to an OpenLineage HTTP endpoint (`<url>/api/v1/lineage`, Marquez's path); null when it took it (2xx), else why not. */
export async function sendRunEvent(endpoint: { url: string; apiKey?: string }, event: Record<string, unknown>): Promise<string | null> {
  try {
    const response = await fetch(`${endpoint.url.replace(/\/+$/, '')}/api/v1/lineage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {}) },
      body: JSON.stringify(event),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    return response.ok ? null : `HTTP ${response.status}`;
  } catch (error) {
    return (error as Error).message;
  }
}
