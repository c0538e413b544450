// The namespaces nearly every cmdlet uses, once (they were repeated at the head of each file).
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using System.Management.Automation;
global using OpenStack.Client.Http;
global using OpenStack.Client.Resources;
global using OpenStack.PowerShell.Completers;
global using OpenStack.PowerShell.Infrastructure;
