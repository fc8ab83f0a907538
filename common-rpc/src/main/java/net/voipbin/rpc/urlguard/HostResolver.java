package net.voipbin.rpc.urlguard;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Name resolution as the guard does it: the system's by default, a scripted one in tests. */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
