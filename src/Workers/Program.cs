using ContactCenter.Workers.Cli;

return await ContactCenterApp.Create().RunAsync(args);
