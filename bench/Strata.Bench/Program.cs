using Strata.Bench;

// dotnet run -c Release --project bench/Strata.Bench -- <mode> [options]
return await BenchModes.RunAsync(args);
