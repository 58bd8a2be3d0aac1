using Strata.Functions.TestWorker;

// A worker process for the tests: hosts the Durable Azure Storage provider on Azurite behind the
// test host's gRPC sidecar, and the Functions app's orchestrators and activities on a worker
// connected to it. Settings come from the environment (Strata__*, StrataTestWorker__*), as the
// Functions host passes app settings. Prints "ready <pid>" once it takes work; runs until killed
// or its standard input closes.
return await WorkerProcess.RunAsync(Console.In, Console.Out);
