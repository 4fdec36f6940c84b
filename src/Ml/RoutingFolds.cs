using ContactCenter.Core.Routing.Evaluation;

namespace ContactCenter.Ml;

/// <summary>
/// The folds of every cross-validation here (choosing the settings when training, and <c>classify evaluate --train</c>):
/// stratified by level, shuffled with a fixed seed, so every fold has its share of second-level requests. Another
/// seed gives other folds (the repeats of <c>classify evaluate --repeats</c>).
/// </summary>
internal static class RoutingFolds
{
    public static int[] Stratified(IReadOnlyList<LabelledRequest> requests, int folds, int seed = RoutingPipeline.Seed)
    {
        var random = new Random(seed);
        var fold = new int[requests.Count];
        var next = 0;
        foreach (var group in Enumerable.Range(0, requests.Count).GroupBy(i => requests[i].ExpectedLevel).OrderBy(g => g.Key))
        {
            foreach (var i in group.OrderBy(_ => random.Next()))
            {
                fold[i] = next++ % folds;
            }
        }

        return fold;
    }
}
