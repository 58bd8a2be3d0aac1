using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Strata.Activities;
using Strata.Definitions;
using Strata.Fragments;
using Strata.Land;
using Strata.Lineage;
using Strata.Lineage.OpenLineage;
using Strata.Load;
using Strata.Modes;
using Strata.Partitions;
using Strata.Planning;
using Strata.Runs;
using Strata.Schedules;
using Strata.Schemas;
using Strata.Security;
using Strata.Status;
using Strata.Storage;
using Strata.Transform;
using Strata.Workflow;
using Strata.Workflow.Local;

namespace Strata.Hosting;

/// <summary>The one place the core is registered; every host calls <see cref="AddStrataCore"/> and nothing else.</summary>
public static class StrataServiceCollectionExtensions
{
    /// <summary>Registers the engine: options bound from <c>Strata:*</c>, storage, stores, planners, activities and read services.</summary>
    public static IServiceCollection AddStrataCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        services.Configure<PipelineOptions>(configuration.GetSection(PipelineOptions.Section));
        services.Configure<LandOptions>(configuration.GetSection(LandOptions.Section));
        // Checked when the host starts (and on first use where nothing starts a host): a bad retry setting would fail every run.
        services.AddOptions<WorkflowOptions>().Bind(configuration.GetSection(WorkflowOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkflowOptions>, WorkflowOptionsValidator>();
        services.Configure<TransformOptions>(configuration.GetSection(TransformOptions.Section));
        services.Configure<PiiOptions>(configuration.GetSection(PiiOptions.Section));
        services.Configure<LoadEngineOptions>(configuration.GetSection(LoadEngineOptions.Section));
        services.Configure<RunLeaseOptions>(configuration.GetSection(RunLeaseOptions.Section));
        services.Configure<ScheduleOptions>(configuration.GetSection(ScheduleOptions.Section));
        services.AddOptions<OpenLineageOptions>().Bind(configuration.GetSection(OpenLineageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OpenLineageOptions>, OpenLineageOptionsValidator>();
        StrataOptionsValidator.AddTo(services);
        services.Configure<Lake.LakeOptions>(configuration.GetSection(Lake.LakeOptions.Section));
        services.Configure<Quality.Profiles.ProfileOptions>(configuration.GetSection(Quality.Profiles.ProfileOptions.Section));

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new LakeStorage(sp.GetRequiredService<IOptions<StorageOptions>>().Value, time: sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => PipelineCatalog.Load(sp.GetRequiredService<IOptions<PipelineOptions>>().Value.Folder, SqlEngine.CheckSyntax));
        services.AddSingleton<PiiKey>();
        services.AddSingleton<SqlEngine>();

        services.AddSingleton<PartitionStore>();
        services.AddSingleton<ReceiptStore>();
        services.AddSingleton<FragmentStore>();
        services.AddSingleton<SchemaStore>();
        services.AddSingleton<RunStore>();
        services.AddSingleton<PipelineStateStore>();
        services.AddSingleton<RunLeaseKeeper>();
        services.AddSingleton<LineageStore>();
        services.AddSingleton<SupersessionStore>();
        services.AddSingleton<Lake.Publishing.LakeStateStore>();
        services.AddSingleton<Lake.Publishing.LakeOutputs>();
        services.AddSingleton<Lake.Publishing.FileConformer>();
        services.AddSingleton<Lake.Publishing.LakePublisher>();
        services.AddSingleton<Lake.Gc.GarbageCollector>();

        services.AddSingleton<Lander>();
        services.AddSingleton<LoadSpecs>();
        services.AddSingleton<SourceModes>();
        services.AddSingleton<LoadPlanner>();
        services.AddSingleton<DatasetPlanner>();
        services.AddSingleton<Quality.QualityStore>();
        services.AddSingleton<Quality.ExpectationOutputs>();
        services.AddSingleton<Quality.LoadExpectations>();
        services.AddSingleton<Quality.QualityHooks>();
        services.AddSingleton<Quality.CheckRunner>();
        services.AddSingleton<Quality.CheckService>();
        services.AddSingleton<Quality.ChecksApi>();
        services.AddSingleton<PipelinePlanner>();

        services.AddSingleton<OpenLineageFiles>();
        services.AddSingleton<OpenLineageSender>();
        services.AddSingleton<DatasetSchemas>();
        services.AddSingleton<IQualityAssertions, Quality.CheckAssertions>();
        services.AddSingleton<OpenLineageEmitter>();

        services.AddSingleton<Quality.Profiles.PartitionProfiler>();
        services.AddSingleton<Quality.Profiles.ProfileStore>();
        services.AddSingleton<Quality.Profiles.PartitionProfiles>();
        services.AddSingleton<Quality.Drift.DataDriftStore>();
        services.AddSingleton<Quality.Quarantine.QuarantineTally>();
        services.AddSingleton<Quality.QualityAssessor>();
        services.AddSingleton<AssessmentActivities>();

        services.AddSingleton<RunActivities>();
        services.AddSingleton<LoadActivities>();
        services.AddSingleton<DatasetActivities>();
        services.AddSingleton<QualityActivities>();
        services.AddSingleton<ActivityDispatcher>();

        services.AddSingleton<LineageService>();
        services.AddSingleton<StatusService>();
        services.AddSingleton<QuarantineReader>();
        services.AddSingleton<Views.GraphViews>();
        services.AddSingleton<Views.DatasetViews>();
        services.AddSingleton<Views.HistoryViews>();
        services.AddSingleton<Api.StrataApi>();
        services.AddSingleton<ScheduleStore>();
        services.AddSingleton<ScheduleSweep>();
        return services;
    }

    /// <summary>Adds the in-process workflow host (CLI, <c>strata serve</c>, tests).</summary>
    public static IServiceCollection AddStrataLocalHost(this IServiceCollection services)
    {
        services.AddSingleton<LocalWorkflowHost>();
        services.AddSingleton<Api.IRunLauncher, LocalRunLauncher>();
        return services;
    }
}
