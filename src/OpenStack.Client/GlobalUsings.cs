// The namespaces nearly every file of the client uses, once (they were repeated at the head of each file).
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using System.Net;
global using System.Net.Http;
global using System.Text.Json;
global using System.Text.Json.Serialization;
global using System.Threading;
global using System.Threading.Tasks;
global using OpenStack.Client.Http;
global using OpenStack.Client.Resources;
