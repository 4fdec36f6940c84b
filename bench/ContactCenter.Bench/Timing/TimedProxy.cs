using System.Diagnostics;
using System.Reflection;

namespace ContactCenter.Bench.Timing;

/// <summary>
/// Wraps any interface and adds the time of each call (until its Task completes, for async methods) to a
/// <see cref="PhaseClock"/> under <c>{prefix}.{method}</c>. ValueTask results are awaited through AsTask.
/// </summary>
// Not sealed: DispatchProxy derives the proxy type from it at run time.
internal class TimedProxy<T> : DispatchProxy
    where T : class
{
    private T inner = null!;
    private PhaseClock clock = null!;
    private string prefix = "";

    public static T Wrap(T inner, PhaseClock clock, string prefix)
    {
        var proxy = Create<T, TimedProxy<T>>();
        var timed = (TimedProxy<T>)(object)proxy;
        timed.inner = inner;
        timed.clock = clock;
        timed.prefix = prefix;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var name = $"{prefix}.{targetMethod.Name}";
        var started = Stopwatch.GetTimestamp();
        object? result;
        try
        {
            result = targetMethod.Invoke(inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            clock.Add(name, started);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }

        switch (result)
        {
            case Task task:
                WhenDone(task, name, started);
                return result;
            case ValueTask valueTask:
                var asTask = valueTask.AsTask();
                WhenDone(asTask, name, started);
                return new ValueTask(asTask);
            default:
                if (result is not null && result.GetType().IsGenericType && result.GetType().GetGenericTypeDefinition() == typeof(ValueTask<>))
                {
                    return WrapValueTask(result, name, started);
                }

                clock.Add(name, started);
                return result;
        }
    }

    private object WrapValueTask(object valueTask, string name, long started)
    {
        var type = valueTask.GetType();
        var task = (Task)type.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(valueTask, null)!;
        WhenDone(task, name, started);
        return Activator.CreateInstance(type, task)!;
    }

    /// <summary>
    /// Records on the completing thread: a continuation queued to the thread pool would wait behind blocked workers
    /// (the archive's fsyncs block pool threads) and count that wait as the call's time.
    /// </summary>
    private void WhenDone(Task task, string name, long started)
    {
        if (task.IsCompleted)
        {
            clock.Add(name, started);
            return;
        }

        _ = task.ContinueWith(_ => clock.Add(name, started), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
