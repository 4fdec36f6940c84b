using System.Globalization;
using System.Text;

namespace ContactCenter.Core.Routing.Evaluation;

/// <summary>Counts of expected (rows) against predicted (columns) labels.</summary>
public sealed class ConfusionMatrix
{
    private readonly Dictionary<(string Expected, string Predicted), int> _counts = [];

    public ConfusionMatrix(IEnumerable<string> labels) => Labels = labels.ToList();

    /// <summary>Row and column labels, in order; a label first seen in <see cref="Add"/> is appended.</summary>
    public List<string> Labels { get; }

    public int this[string expected, string predicted] => _counts.GetValueOrDefault((expected, predicted));

    public void Add(string expected, string predicted)
    {
        foreach (var label in new[] { expected, predicted })
        {
            if (!Labels.Contains(label))
            {
                Labels.Add(label);
            }
        }

        _counts[(expected, predicted)] = this[expected, predicted] + 1;
    }

    /// <summary>A Markdown table, rows expected and columns predicted, for the README and the CLI.</summary>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append("| expected \\ predicted | ").AppendJoin(" | ", Labels).AppendLine(" |");
        sb.Append("|---|").AppendJoin("", Labels.Select(_ => "---:|")).AppendLine();
        foreach (var row in Labels)
        {
            sb.Append("| ").Append(row).Append(" | ")
              .AppendJoin(" | ", Labels.Select(col => this[row, col].ToString(CultureInfo.InvariantCulture)))
              .AppendLine(" |");
        }

        return sb.ToString();
    }
}
