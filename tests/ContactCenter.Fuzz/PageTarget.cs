namespace ContactCenter.Fuzz;

/// <summary>Placeholder until the OCR page reader lands on main.</summary>
internal sealed class PageTarget : IFuzzTarget
{
    public void Run(byte[] input)
    {
    }

    public void Dispose()
    {
    }
}
