using System.Text.Json;
using Strata.Infra.Tests.Bicep;

namespace Strata.Infra.Tests;

public sealed class BicepBuildTests : IDisposable
{
    private readonly InfraWorkspace _workspace = InfraWorkspace.Create();

    [Fact]
    public void Build_MainTemplate_CompilesWithoutDiagnostics()
    {
        var outputFolder = Path.Combine(_workspace.Root, "out");

        var result = BicepCli.Run(_workspace.Root, "build", _workspace.MainTemplate, "--outdir", outputFolder);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.StandardError.Trim().Length == 0, $"bicep build printed diagnostics:{Environment.NewLine}{result.StandardError}");
        Assert.True(File.Exists(Path.Combine(outputFolder, "main.json")), "bicep build wrote no main.json");
    }

    [Fact]
    public void Lint_MainTemplate_ReportsNoWarningsOrErrors()
    {
        var result = BicepCli.Run(_workspace.Root, "lint", _workspace.MainTemplate, "--diagnostics-format", "sarif");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var sarif = JsonDocument.Parse(result.StandardOutput);
        var findings = sarif.RootElement.GetProperty("runs").EnumerateArray()
            .SelectMany(run => run.GetProperty("results").EnumerateArray())
            .Select(finding => $"{finding.GetProperty("ruleId").GetString()}: {finding.GetProperty("message").GetProperty("text").GetString()}")
            .ToList();
        Assert.True(findings.Count == 0, $"bicep lint found:{Environment.NewLine}{string.Join(Environment.NewLine, findings)}");
    }

    public void Dispose() => _workspace.Dispose();
}
