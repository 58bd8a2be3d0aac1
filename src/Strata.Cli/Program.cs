using System.CommandLine;
using Strata.Cli.Commands;
using Strata.Cli.Serve;

var root = new RootCommand("strata: land, load, integrate and publish a data lake's pipelines, rebuilding only what changed")
{
    GlobalOptions.Pipelines,
    GlobalOptions.Data,
    GlobalOptions.Verbose,
    DemoCommand.Create(),
    LandCommand.Create(),
    RunCommand.Create(),
    PlanCommand.Create(),
    StatusCommand.Create(),
    ValidateCommand.Create(),
    LineageCommand.Create(),
    ChecksCommand.Create(),
    GcCommand.Create(),
    ServeCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
