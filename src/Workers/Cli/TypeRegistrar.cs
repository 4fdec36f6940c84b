using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli;

/// <summary>Lets Spectre build commands from a small service collection (the console and the CLI context).</summary>
internal sealed class TypeRegistrar(IServiceCollection services) : ITypeRegistrar
{
    public ITypeResolver Build() => new TypeResolver(services.BuildServiceProvider());

    public void Register(Type service, Type implementation) => services.AddSingleton(service, implementation);

    public void RegisterInstance(Type service, object implementation) => services.AddSingleton(service, implementation);

    public void RegisterLazy(Type service, Func<object> factory) => services.AddSingleton(service, _ => factory());
}
