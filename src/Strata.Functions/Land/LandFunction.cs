using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Strata.Functions.Runs;
using Strata.Land;
using Strata.Runs;
using Strata.Workflow.Contracts;

namespace Strata.Functions.Land;

/// <summary>
/// Lands a file dropped in the lake's <c>landing</c> container, then starts its pipeline's run (or
/// marks the running one dirty). The blob trigger is fed by Event Grid — BlobCreated on landing, sent
/// to the blob extension's webhook — the only blob trigger source Flex Consumption supports; the
/// subscription in infra/modules/eventgrid.bicep targets this function by name (<c>Host.Functions.Land</c>).
/// </summary>
public sealed class LandFunction(Lander lander, PipelineStateStore states)
{
    [Function("Land")]
    public async Task RunAsync(
        [BlobTrigger("landing/{name}", Source = BlobTriggerSource.EventGrid, Connection = "Lake")] BlobClient blob,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(blob);

        // The binding only names the blob (a BlobClient reads nothing); the core streams and hashes the bytes itself.
        var landed = await lander.LandAsync(blob.Name, ct);
        if (landed is { Outcome: LandOutcome.Landed, Pipeline: { } pipeline })
        {
            await new DurableRunLauncher(client, states).StartAsync(new RunRequest(pipeline, Trigger: "landing"), ct);
        }
    }
}
