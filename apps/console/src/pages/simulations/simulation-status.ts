/** A simulation's status as colour (with its words beside it). */
export function simulationColor(status: string): string {
  return { QUEUED: 'gray', RUNNING: 'blue', COMPLETED: 'teal', FAILED: 'red' }[status] ?? 'gray';
}

export const isUnfinished = (status: string) => status === 'QUEUED' || status === 'RUNNING';
