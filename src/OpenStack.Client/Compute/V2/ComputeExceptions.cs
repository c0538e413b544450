namespace OpenStack.Client.Compute.V2
{
    /// <summary>Nova refused an action because of the server's state (409 conflictingRequest); the message names the state.</summary>
    public sealed class ServerStateConflictException : OpenStackException
    {
        public ServerStateConflictException(string serverId, ServerAction action, OpenStackApiException inner)
            : base($"Cannot {action} server {serverId}: {inner.ServerMessage ?? inner.Message}" + (inner.RequestId == null ? "" : $" (request id {inner.RequestId})"), inner)
        {
            ServerId = serverId;
            Action = action;
            RequestId = inner.RequestId;
        }

        public string ServerId { get; }
        public ServerAction Action { get; }
        public string? RequestId { get; }
    }

    /// <summary>A wait gave up before the server reached the state it was waiting for.</summary>
    public sealed class ServerWaitTimeoutException : OpenStackException
    {
        public ServerWaitTimeoutException(string server, string waitingFor, string lastStatus, TimeSpan timeout)
            : base($"Server {server} did not become {waitingFor} within {timeout.TotalSeconds:0} s; it is {lastStatus}. It may still get there: check with Get-OSServer.")
        {
            Server = server;
            LastStatus = lastStatus;
        }

        public string Server { get; }
        public string LastStatus { get; }
    }

    /// <summary>The server went to ERROR while being waited for; carries Nova's fault.</summary>
    public sealed class ServerFaultException : OpenStackException
    {
        public ServerFaultException(Server server)
            : base($"Server {Describe(server)} went to ERROR: {(server.Fault?.Message ?? "Nova gave no fault message")}" +
                   (server.Fault == null ? "" : $" (fault code {server.Fault.Code})"))
        {
            Server = server;
        }

        public Server Server { get; }

        private static string Describe(Server s) => string.IsNullOrEmpty(s.Name) ? s.Id : $"{s.Name} ({s.Id})";
    }
}
