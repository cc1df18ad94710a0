// Rendered reports, by everything they are built from: the question, the format and the history
// they were read from (its head). Every change to an item appends an event, so the same head means
// the same history, on this instance or any other; a new event makes every earlier entry
// unreachable, and they age out. Requests that ask the same question at once share one build.
// Answers are kept encoded: every response sends the same bytes, with nothing to allocate per
// request (a status report of 10,000 items is 2 MB).
export class RenderedReportCache {
  // A Map iterates in insertion order, oldest first: re-inserting on a hit keeps it an LRU.
  private readonly entries = new Map<string, Promise<Buffer>>();
  private readonly sizes = new Map<string, number>();
  private bytes = 0;

  constructor(
    private readonly maxEntries: number,
    // Bounds the memory the cache holds; a document is at most REPORT_MAX_BYTES (4 MiB by default).
    private readonly maxBytes: number,
  ) {}

  get(key: string, build: () => Promise<Buffer>): Promise<Buffer> {
    const cached = this.entries.get(key);
    if (cached) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const built = build();
    this.entries.set(key, built);
    built.then(
      (document) => this.settle(key, built, document.byteLength),
      () => this.forget(key, built),
    );
    return built;
  }

  private settle(key: string, built: Promise<Buffer>, size: number): void {
    if (this.entries.get(key) !== built) {
      return;
    }
    if (size > this.maxBytes) {
      this.forget(key, built);
      return;
    }
    this.sizes.set(key, size);
    this.bytes += size;
    this.evict();
  }

  private evict(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) {
        return;
      }
      // Builds still in flight are never evicted: their callers are waiting for them.
      if (this.sizes.has(key)) {
        this.forget(key, this.entries.get(key));
      }
    }
  }

  private forget(key: string, built: Promise<Buffer> | undefined): void {
    if (this.entries.get(key) !== built) {
      return;
    }
    this.entries.delete(key);
    this.bytes -= this.sizes.get(key) ?? 0;
    this.sizes.delete(key);
  }
}
