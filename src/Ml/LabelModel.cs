using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ContactCenter.Ml;

/// <summary>
/// One trained classifier (level or category): predicts a label with its probability and says which words pushed
/// towards it. A prediction engine is not thread-safe, so predictions take turns.
/// </summary>
internal sealed class LabelModel
{
    private readonly object _gate = new();
    private readonly PredictionEngine<RoutingExample, RoutingPrediction> _engine;
    private readonly string[] _labels;
    private readonly string[] _slots;
    private readonly float[][] _weights;

    public LabelModel(MLContext ml, ITransformer transformer, DataViewSchema inputSchema)
    {
        Transformer = transformer;
        InputSchema = inputSchema;
        _engine = ml.Model.CreatePredictionEngine<RoutingExample, RoutingPrediction>(transformer, inputSchema);
        _labels = Names(_engine.OutputSchema["Score"]);
        _slots = Names(_engine.OutputSchema["Features"]);
        _weights = Weights(transformer, _labels.Length, _slots.Length);
    }

    public ITransformer Transformer { get; }

    public DataViewSchema InputSchema { get; }

    public IReadOnlyList<string> Labels => _labels;

    /// <summary>
    /// The likelier label, or <paramref name="prefer"/> once its probability reaches <paramref name="preferFrom"/>;
    /// with the <paramref name="words"/> that pushed most towards the label returned.
    /// </summary>
    public LabelPrediction Predict(string text, int words, string? prefer = null, double preferFrom = 1)
    {
        RoutingPrediction prediction;
        lock (_gate)
        {
            prediction = _engine.Predict(new RoutingExample { Text = text });
        }

        var best = Array.IndexOf(prediction.Score, prediction.Score.Max());
        var preferred = prefer is null ? -1 : Array.IndexOf(_labels, prefer);
        if (preferred >= 0 && prediction.Score[preferred] >= preferFrom)
        {
            best = preferred;
        }

        return new LabelPrediction(_labels[best], prediction.Score[best],
            words == 0 ? [] : WordWeights.Top(text, prediction.Features, _slots, Contributions(best), words));
    }

    /// <summary>Per feature, how much more it weighs for the chosen label than on average for the others.</summary>
    private float[] Contributions(int label)
    {
        var result = new float[_slots.Length];
        for (var j = 0; j < result.Length; j++)
        {
            var others = 0f;
            for (var k = 0; k < _weights.Length; k++)
            {
                others += k == label ? 0 : _weights[k][j];
            }

            result[j] = _weights[label][j] - (_weights.Length > 1 ? others / (_weights.Length - 1) : 0);
        }

        return result;
    }

    private static string[] Names(DataViewSchema.Column column)
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        column.GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }

    private static float[][] Weights(ITransformer transformer, int labels, int slots)
    {
        var model = ((IEnumerable<ITransformer>)transformer).OfType<ISingleFeaturePredictionTransformer<object>>()
            .Select(t => t.Model).OfType<MaximumEntropyModelParameters>().FirstOrDefault()
            ?? throw new InvalidDataException("The model file holds no maximum-entropy classifier.");
        VBuffer<float>[] weights = [];
        model.GetWeights(ref weights, out var classes);
        if (classes != labels)
        {
            throw new InvalidDataException($"The model has {classes} classes but {labels} labels.");
        }

        return weights.Select(w =>
        {
            var dense = new float[slots];
            w.DenseValues().Take(slots).ToArray().CopyTo(dense, 0);
            return dense;
        }).ToArray();
    }
}
