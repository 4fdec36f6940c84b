using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Classify;

internal static class ClassifyBranch
{
    public static void Add(IConfigurator config) => config.AddBranch("classify", classify =>
    {
        classify.SetDescription("The classification rules: explain and evaluate.");
        classify.AddCommand<ClassifyExplainCommand>("explain").WithDescription("Show which rule fires for a request, and why.")
            .WithExample("classify", "explain", "--text", "Dopo la scossa ho delle crepe in casa");
        classify.AddCommand<ClassifyEvaluateCommand>("evaluate").WithDescription("Accuracy and confusion matrix of the rules.")
            .WithExample("classify", "evaluate", "--file", "samples/routing.labelled.json");
    });
}
