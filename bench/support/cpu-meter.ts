import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time used during a measured window, from Linux /proc: by the API process, by the PostgreSQL
 * processes serving the bench database (its backends and the WAL writer, checkpointer and
 * background writer), by this process (the load generator and the raw baseline's client), and by
 * the whole machine, so that other load sharing the cores shows up. Elsewhere: undefined.
 */
export interface CpuUse {
  /** Cores busy on average during the window (CPU seconds / wall seconds). */
  api: number;
  postgres: number;
  loadGenerator: number;
  /** Everything else on the machine: noise when it is not near zero. */
  other: number;
}

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux the bench runs on (getconf CLK_TCK)
const POSTGRES_HELPERS = /walwriter|checkpointer|background writer/;

export class CpuMeter {
  private start?: { at: number; api: number; postgres: number; self: number; machine: number };
  private result?: CpuUse;

  constructor(
    private readonly apiPid: number | undefined,
    private readonly databaseName: string,
  ) {}

  static available(): boolean {
    try {
      readFileSync('/proc/stat', 'utf8');
      return true;
    } catch {
      return false;
    }
  }

  begin(): void {
    this.start = this.sample();
  }

  end(): void {
    if (!this.start) return;
    const stop = this.sample();
    const seconds = (stop.at - this.start.at) / 1000;
    const cores = (key: 'api' | 'postgres' | 'self' | 'machine') => (stop[key] - this.start![key]) / seconds;
    const api = cores('api');
    const postgres = cores('postgres');
    const loadGenerator = cores('self');
    this.result = { api, postgres, loadGenerator, other: Math.max(0, cores('machine') - api - postgres - loadGenerator) };
  }

  use(): CpuUse | undefined {
    return this.result;
  }

  /** CPU seconds so far of each group, and of the whole machine. */
  private sample() {
    const self = process.cpuUsage();
    return {
      at: Date.now(),
      api: this.apiPid === undefined ? 0 : processSeconds(this.apiPid),
      postgres: this.postgresSeconds(),
      self: (self.user + self.system) / 1e6,
      machine: machineSeconds(),
    };
  }

  private postgresSeconds(): number {
    let total = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
        const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
        if (cmdline.includes(` ${this.databaseName} `) || POSTGRES_HELPERS.test(cmdline)) total += processSeconds(Number(entry));
      } catch {
        // the process ended between listing and reading
      }
    }
    return total;
  }
}

/** utime + stime of one process, in seconds. */
function processSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // after "pid (comm) "
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // fields 14 and 15 of proc(5)
  } catch {
    return 0;
  }
}

/** Busy CPU seconds of the whole machine (all but idle and iowait). */
function machineSeconds(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = ticks;
  return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
}
