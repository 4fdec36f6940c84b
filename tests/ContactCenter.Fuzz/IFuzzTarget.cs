namespace ContactCenter.Fuzz;

/// <summary>One fuzzing target: an input that returns is fine, an exception escaping <see cref="Run"/> is a crash.</summary>
internal interface IFuzzTarget : IDisposable
{
    void Run(byte[] input);
}
