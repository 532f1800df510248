// When this report was built, kept apart from the pipeline's artifacts so those stay byte-identical.
process.stdout.write(JSON.stringify({ builtAt: new Date().toISOString() }) + "\n");
