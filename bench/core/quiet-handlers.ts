// Imported first by bench.ts: handlers log one line per request, and their logger reads its level when its module
// loads (and again at each invocation), so the level must be set before any part imports a handler.
process.env.LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'SILENT';
