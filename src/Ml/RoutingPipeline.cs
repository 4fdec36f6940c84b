using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace ContactCenter.Ml;

/// <summary>
/// Text to label (already folded, Italian stop words out: <see cref="RoutingText"/>): word uni- and bigrams plus character n-grams (they meet "sismico" and
/// "sismica", "crepa" and "crepe" without a stemmer), L2-normalised, into a linear maximum-entropy classifier whose
/// weights say which words pushed the decision. One thread, fixed seed: the same data gives the same model.
/// </summary>
internal static class RoutingPipeline
{
    public const int Seed = 20_260_312;

    public static IEstimator<ITransformer> Build(MLContext ml, TrainerSettings settings) =>
        ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", new TextFeaturizingEstimator.Options
            {
                CaseMode = TextNormalizingEstimator.CaseMode.Lower,
                KeepDiacritics = false,
                KeepPunctuations = false,
                KeepNumbers = false,
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
                CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = settings.CharGramLength, UseAllLengths = false },
                Norm = TextFeaturizingEstimator.NormFunction.L2,
            }, nameof(RoutingExample.Text)))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                L2Regularization = settings.L2Regularization,
                L1Regularization = 0,
                NumberOfThreads = 1,
                ExampleWeightColumnName = nameof(RoutingExample.Weight),
            }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
}
