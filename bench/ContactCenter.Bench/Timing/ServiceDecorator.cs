using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Bench.Timing;

/// <summary>Replaces every registration of a service with a wrapper around what it used to produce.</summary>
internal static class ServiceDecorator
{
    public static void Decorate<T>(IServiceCollection services, Func<T, T> wrap, Func<ServiceDescriptor, bool>? only = null)
        where T : class
    {
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(T) || descriptor.IsKeyedService || (only is not null && !only(descriptor)))
            {
                continue;
            }

            Func<IServiceProvider, object> inner = descriptor.ImplementationFactory
                ?? (descriptor.ImplementationInstance is { } instance
                    ? _ => instance
                    : sp => ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!));
            services[i] = ServiceDescriptor.Describe(typeof(T), sp => wrap((T)inner(sp)), descriptor.Lifetime);
        }
    }
}
