namespace ContactCenter.Channels.Ocr;

/// <summary>
/// An engine lent to one caller. Disposing returns it to the pool, unless it was marked broken (a page timed out on it)
/// in which case it is destroyed and a fresh one will be created on demand.
/// </summary>
internal sealed class EngineLease : IDisposable
{
    private readonly TesseractEnginePool pool;
    private bool broken;
    private bool returned;

    public EngineLease(TesseractEnginePool pool, TesseractEngine engine)
    {
        this.pool = pool;
        Engine = engine;
    }

    public TesseractEngine Engine { get; }

    public void MarkBroken() => broken = true;

    public void Dispose()
    {
        if (returned)
        {
            return;
        }

        returned = true;
        pool.Return(Engine, reusable: !broken);
    }
}
