import Logging
import NIOCore

/// The first handler of every accepted connection: it sees each byte that arrives and each change of writability,
/// reports them to the connection's `ConnectionActivity`, and on a timer closes the connection once the activity
/// says a limit of `HTTPTimeouts` has passed. Being first, it counts raw bytes, so a TLS handshake or an HTTP/2
/// preface that never completes is timed like a request head.
final class ConnectionWatchdog: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let activity: ConnectionActivity
    private let timeouts: HTTPTimeouts
    private let isCrowded: @Sendable () -> Bool
    private let logger: Logger
    private var check: RepeatedTask?

    init(
        activity: ConnectionActivity, timeouts: HTTPTimeouts, logger: Logger,
        isCrowded: @escaping @Sendable () -> Bool
    ) {
        self.activity = activity
        self.timeouts = timeouts
        self.logger = logger
        self.isCrowded = isCrowded
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let interval = timeouts.checkInterval
        let activity = self.activity
        let timeouts = self.timeouts
        let isCrowded = self.isCrowded
        let logger = self.logger
        let channel = context.channel
        check = context.eventLoop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { task in
            guard let overdue = activity.overdue(at: ConnectionActivity.now(), timeouts: timeouts, crowded: isCrowded())
            else { return }
            task.cancel()
            logger.debug(
                "closing connection", metadata: ["reason": "\(overdue.rawValue)", "peer": "\(channel.remoteAddress.map { "\($0)" } ?? "-")"])
            channel.close(promise: nil)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        check?.cancel()
        check = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        check?.cancel()
        check = nil
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        activity.bytesArrived(unwrapInboundIn(data).readableBytes)
        context.fireChannelRead(data)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        activity.writabilityChanged(isWritable: context.channel.isWritable)
        context.fireChannelWritabilityChanged()
    }
}
