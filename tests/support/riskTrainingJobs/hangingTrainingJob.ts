// a handle that keeps the thread alive and never answers
setInterval(() => undefined, 60_000);
