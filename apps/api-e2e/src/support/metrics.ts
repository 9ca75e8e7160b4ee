/** The value of one series in Prometheus text, e.g. `steward_redis_up` or `name{label="x"}`; 0 when absent. */
export function sample(text: string, series: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}
