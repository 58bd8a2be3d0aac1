using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Strata;
using Strata.Functions.Hosting;
using Strata.Functions.Orchestration;
using Strata.Hosting;
using Strata.Runs;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// The pipeline definitions ship next to the binaries (see the csproj) unless an app setting points elsewhere.
builder.Configuration[$"{PipelineOptions.Section}:{nameof(PipelineOptions.Folder)}"] ??= Path.Combine(AppContext.BaseDirectory, "pipelines");
// A Durable run's lease is renewed by its framing activities, not by a timer in one process, so it must
// outlast the longest dataset step (Strata.Runs.RunLeaseOptions); an app setting still overrides it.
builder.Configuration[$"{RunLeaseOptions.Section}:{nameof(RunLeaseOptions.LeaseDuration)}"] ??= "00:30:00";
builder.Services.AddStrataCore(builder.Configuration);
builder.Services.AddHostedService<LakeInitializer>();

// Durable histories, activity bindings and run status use the core's JSON, exactly as the local host does.
// (The run launcher, DurableRunLauncher, wraps a function's [DurableClient] binding, so functions create it per call.)
builder.Services.Configure<WorkerOptions>(worker => worker.Serializer = new JsonObjectSerializer(StrataJson.Options));

// Activity failures carry whether they were transient, which is all the orchestrators' retry policy retries.
builder.Services.AddSingleton<IExceptionPropertiesProvider, TransientFailures>();
builder.Services.AddStrataTelemetry();

builder.Build().Run();
