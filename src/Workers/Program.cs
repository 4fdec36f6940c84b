using ContactCenter.Workers.Cli;

return await ContactCenterApp.RunAsync(args);
