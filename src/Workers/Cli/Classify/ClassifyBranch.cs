using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Classify;

internal static class ClassifyBranch
{
    public static void Add(IConfigurator config) => config.AddBranch("classify", classify =>
    {
        classify.SetDescription("The classification rules and the learned model: explain, evaluate, train.");
        classify.AddCommand<ClassifyExplainCommand>("explain").WithDescription("Show which rule fires for a request, and why.")
            .WithExample("classify", "explain", "--text", "Dopo la scossa ho delle crepe in casa");
        classify.AddCommand<ClassifyEvaluateCommand>("evaluate").WithDescription("Accuracy and confusion matrix: rules, model, combined.")
            .WithExample("classify", "evaluate", "--file", "samples/routing.holdout.json", "--train", "samples/routing.labelled.json");
        classify.AddCommand<ClassifyTrainCommand>("train").WithDescription("Train the routing model on a labelled set and the operators' corrections.")
            .WithExample("classify", "train", "--file", "samples/routing.labelled.json");
    });
}
